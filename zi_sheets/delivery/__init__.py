"""Stage 6, delivery: build (check, then render), many workbooks at once, PDF, the package to send, sending
it, and the inspectorate's rekap."""
