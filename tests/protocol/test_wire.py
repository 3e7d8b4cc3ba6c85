"""The wire as an attacker on the same machine meets it: a raw ZeroMQ socket beside the real client.

Malformed multipart messages (no delimiter, only the delimiter, too few frames, bad JSON), unsigned
or badly signed ones, and exact replays of a validly signed request are dropped: never answered,
never allowed to shift the routing of later replies. The real client's requests are answered
throughout, and nothing reaches the raw socket.
"""
import json

import pytest
import zmq
from jupyter_client.session import Session

from conftest import Kernel, reply_to

DELIM = b"<IDS|MSG>"
QUIET_MS = 1500  # how long the raw socket listens for a reply that must not come


@pytest.fixture(scope="module")
def wired(tmp_path_factory):
    history = tmp_path_factory.mktemp("history") / "history.jsonl"
    k = Kernel(MLCYCLE_HISTORY=str(history))
    k.run('String apiKey = "sk-SECRET-123";')
    yield k
    k.shutdown()


def raw_socket(kernel, channel="shell"):
    info = kernel.km.get_connection_info()
    sock = zmq.Context.instance().socket(zmq.DEALER)
    sock.linger = 0
    sock.connect(f"{info['transport']}://{info['ip']}:{info[channel + '_port']}")
    return sock


def signer(kernel):
    info = kernel.km.get_connection_info()
    key = info["key"]
    return Session(key=key if isinstance(key, bytes) else key.encode(), signature_scheme=info["signature_scheme"])


def nothing_arrives(sock):
    return sock.poll(QUIET_MS) == 0


def signed_frames(session, msg_type, content):
    msg = session.msg(msg_type, content)
    return session.serialize(msg), msg["header"]["msg_id"]


def json_frames(header, parent, metadata, content, signature=b""):
    return [DELIM, signature, header, parent, metadata, content]


MALFORMED = {
    "one frame, no delimiter": [b"hello"],
    "several frames, no delimiter": [b"a", b"b", b"c", b"d", b"e", b"f"],
    "only the delimiter": [DELIM],
    "too few frames": [DELIM, b"", b"{}"],
    "unsigned request": json_frames(
        json.dumps({"msg_id": "x1", "msg_type": "history_request", "session": "s", "username": "u",
                    "date": "2026-01-01T00:00:00Z", "version": "5.3"}).encode(),
        b"{}", b"{}", json.dumps({"hist_access_type": "tail", "n": 10, "output": False, "raw": True}).encode()),
    "forged signature": json_frames(
        json.dumps({"msg_id": "x2", "msg_type": "kernel_info_request", "session": "s", "username": "u",
                    "date": "2026-01-01T00:00:00Z", "version": "5.3"}).encode(),
        b"{}", b"{}", b"{}", signature=b"0" * 64),
}


@pytest.mark.parametrize("shape", sorted(MALFORMED))
def test_a_malformed_message_is_dropped_and_the_real_client_keeps_its_replies(wired, shape):
    sock = raw_socket(wired)
    try:
        sock.send_multipart(MALFORMED[shape])
        # the user's next requests are answered to the user, not to the raw socket
        msg_id = wired.kc.history(hist_access_type="tail", n=5)
        history = reply_to(wired.kc, msg_id, timeout=20)
        assert history["status"] == "ok"
        assert wired.run("6 * 7", timeout=20).text == "42"
        assert nothing_arrives(sock), f"{shape}: the raw socket got a reply"
    finally:
        sock.close()


def test_a_validly_signed_message_with_bad_json_is_dropped(wired):
    session = signer(wired)
    header, parent, metadata, content = b"{not json", b"{}", b"{}", b"{}"
    signature = session.sign([header, parent, metadata, content])
    sock = raw_socket(wired)
    try:
        sock.send_multipart([DELIM, signature, header, parent, metadata, content])
        assert wired.run("1 + 1", timeout=20).text == "2"
        assert nothing_arrives(sock)
    finally:
        sock.close()


def test_five_stray_frames_leave_five_user_cells_answered(wired):
    sock = raw_socket(wired)
    try:
        for i in range(5):
            sock.send_multipart([f"stray {i}".encode()])
        for i in range(5):
            cell = wired.run(f"{i} + 100", timeout=20)
            assert cell.status == "ok" and cell.text == str(i + 100)
        assert nothing_arrives(sock)
    finally:
        sock.close()


def test_the_users_history_never_reaches_a_stranger(wired):
    sock = raw_socket(wired)
    try:
        sock.send_multipart([b"give me the next reply"])
        msg_id = wired.kc.history(hist_access_type="tail", n=50)
        history = reply_to(wired.kc, msg_id, timeout=20)
        assert any("sk-SECRET-123" in str(entry) for entry in history["history"])
        assert nothing_arrives(sock)
    finally:
        sock.close()


def test_an_exact_replay_of_a_signed_request_runs_once(wired):
    wired.run("int replayed = 0;")
    session = signer(wired)
    frames, msg_id = signed_frames(session, "execute_request", {
        "code": "replayed++;", "silent": False, "store_history": False, "user_expressions": {},
        "allow_stdin": False, "stop_on_error": True})
    sock = raw_socket(wired)
    try:
        sock.send_multipart(frames)
        assert sock.poll(20000), "the signed request got no reply"
        reply = session.deserialize(session.feed_identities(sock.recv_multipart())[1])
        assert reply["parent_header"]["msg_id"] == msg_id
        assert reply["content"]["status"] == "ok"
        sock.send_multipart(frames)
        sock.send_multipart(frames)
        assert nothing_arrives(sock), "a replayed request was answered"
        assert wired.run("replayed", timeout=20).text == "1"
    finally:
        sock.close()


def test_the_control_channel_drops_malformed_messages_too(wired):
    sock = raw_socket(wired, "control")
    try:
        sock.send_multipart([b"hello"])
        sock.send_multipart([DELIM])
        msg = wired.kc.session.msg("kernel_info_request", {})
        wired.kc.control_channel.send(msg)
        reply = wired.kc.get_control_msg(timeout=20)
        assert reply["parent_header"]["msg_id"] == msg["header"]["msg_id"]
        assert nothing_arrives(sock)
    finally:
        sock.close()


def test_input_survives_stray_frames_on_stdin(wired):
    info = wired.km.get_connection_info()
    seen = []

    def answer(msg):
        # a stranger writes to the stdin port first; the user's answer must still be the one read
        sock = raw_socket(wired, "stdin")
        sock.send_multipart([b"stray"])
        sock.send_multipart([DELIM, b"", b"{}"])
        sock.close()
        seen.append(msg["content"]["prompt"])
        wired.kc.input("typed by the user")

    cell = wired.run('String typed = new java.util.Scanner(System.in).nextLine(); typed', stdin=answer, timeout=30)
    assert cell.status == "ok", cell.reply
    assert cell.text == '"typed by the user"' or "typed by the user" in cell.text
    assert info["stdin_port"]
