"""jupyter_kernel_test's conformance suite, with Java samples for every attribute it reads."""
import jupyter_kernel_test

from conftest import KERNEL


class MlcycleKernelTests(jupyter_kernel_test.KernelTests):
    kernel_name = KERNEL
    language_name = "java"
    file_extension = ".jshell"

    code_hello_world = 'System.out.println("hello, world");'
    code_stderr = 'System.err.println("oops");'

    completion_samples = [
        {"text": "Math.ma", "matches": {"max("}},
        {"text": '"abc".subs', "matches": {"substring("}},
    ]
    complete_code_samples = ["1", "int x = 1;", "for (int i = 0; i < 3; i++) { }", "%lsmagic"]
    incomplete_code_samples = ["for (int i = 0; i < 3; i++) {", "int y = ", "Math.max(1,"]
    invalid_code_samples = ["}", "int x = 1;)"]

    code_generate_error = 'throw new IllegalStateException("bad state")'

    code_execute_result = [
        {"code": "6 * 7", "result": "42"},
        {"code": '"mlcycle".length()', "result": "7"},
        {"code": "int a = 2;\na + 3", "result": "5"},
    ]
    code_display_data = [
        {"code": 'display("plain text")', "mime": "text/plain"},
        {"code": 'display(new java.awt.image.BufferedImage(2, 2, java.awt.image.BufferedImage.TYPE_INT_RGB))',
         "mime": "image/png"},
    ]

    code_history_pattern = "6 *"
    supported_history_operations = ("tail", "range", "search")

    code_inspect_sample = "Math.max"
    code_page_something = "Math.max?"

    code_clear_output = 'System.out.println("soon gone"); clearOutput();'
