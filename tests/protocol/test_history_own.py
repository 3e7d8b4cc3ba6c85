"""Kernels started at the same moment on one history file: each one's history stays its own."""
import threading

from conftest import Kernel, reply_to


def test_three_kernels_started_at_once_keep_their_own_history(tmp_path):
    history = tmp_path / "shared-history.jsonl"
    kernels = [None, None, None]

    def start(i):
        kernels[i] = Kernel(MLCYCLE_HISTORY=str(history))

    threads = [threading.Thread(target=start, args=(i,)) for i in range(3)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    try:
        for round_ in range(3):
            for i, k in enumerate(kernels):
                assert k.run(f"int k{i}r{round_} = {round_};").status == "ok"
        sessions = set()
        for i, k in enumerate(kernels):
            msg_id = k.kc.history(hist_access_type="tail", n=20)
            reply = reply_to(k.kc, msg_id)
            inputs = [entry[2] for entry in reply["history"]]
            assert inputs == [f"int k{i}r{r} = {r};" for r in range(3)], f"kernel {i} sees {inputs}"
            sessions |= {entry[0] for entry in reply["history"]}
        assert len(sessions) == 3, f"the kernels share session numbers: {sessions}"
    finally:
        for k in kernels:
            if k is not None:
                k.shutdown()
