"""An SMTP sink for tests/mta/run: keeps each message byte for byte.

aiosmtpd's own Mailbox handler parses and re-serialises what it receives,
which would hide how desk encoded its mail; this handler writes the DATA
exactly as it came, one file per message, named by arrival order, with the
envelope recipients in a sibling file.
"""
import os


class RawSink:
    def __init__(self, directory):
        self.directory = directory
        self.count = 0

    async def handle_DATA(self, server, session, envelope):
        self.count += 1
        base = os.path.join(self.directory, "%03d" % self.count)
        with open(base + ".rcpt", "w") as f:
            f.write("\n".join(envelope.rcpt_tos) + "\n")
        # Written under a temporary name and renamed, so a reader never sees
        # half a message.
        with open(base + ".tmp", "wb") as f:
            f.write(envelope.original_content)
        os.rename(base + ".tmp", base + ".eml")
        return "250 OK"

    @classmethod
    def from_cli(cls, parser, *args):
        if len(args) != 1:
            parser.error("raw_sink: the directory to keep messages in is required")
        return cls(args[0])
