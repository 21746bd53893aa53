"""Appends every *.eml of a directory to an IMAP server's INBOX (in name order), then writes the raw
untagged answer to FETCH n (ENVELOPE BODYSTRUCTURE) and FETCH n (BODY) into <name>.fetch.

A plain socket client rather than imaplib, so that the answer is kept byte for byte, literals included.
Usage: record_fetch.py HOST PORT USER PASSWORD DIRECTORY
"""
import pathlib
import socket
import sys


class Client:
    def __init__(self, host, port):
        self.sock = socket.create_connection((host, port))
        self.buf = b""
        self.tag = 0
        self.line()  # greeting

    def line(self):
        while b"\r\n" not in self.buf:
            chunk = self.sock.recv(65536)
            if not chunk:
                raise EOFError("connection closed")
            self.buf += chunk
        line, self.buf = self.buf.split(b"\r\n", 1)
        return line + b"\r\n"

    def exact(self, count):
        while len(self.buf) < count:
            self.buf += self.sock.recv(65536)
        data, self.buf = self.buf[:count], self.buf[count:]
        return data

    def response(self):
        """One response line with its literals, as sent."""
        out = self.line()
        while out.endswith(b"}\r\n") and b"{" in out:
            count = int(out[out.rindex(b"{") + 1:-3])
            out += self.exact(count) + self.line()
        return out

    def command(self, text, literal=None):
        self.tag += 1
        tag = b"c%d" % self.tag
        if literal is None:
            self.sock.sendall(tag + b" " + text + b"\r\n")
        else:
            self.sock.sendall(tag + b" " + text + b" {%d}\r\n" % len(literal))
            if not self.line().startswith(b"+"):
                raise RuntimeError("no continuation for " + text.decode())
            self.sock.sendall(literal + b"\r\n")
        untagged = []
        while True:
            answer = self.response()
            if answer.startswith(tag + b" "):
                if not answer.startswith(tag + b" OK"):
                    raise RuntimeError(answer.decode(errors="replace"))
                return untagged
            untagged.append(answer)


def main(host, port, user, password, directory):
    messages = sorted(pathlib.Path(directory).glob("*.eml"))
    client = Client(host, int(port))
    client.command(b"LOGIN " + user.encode() + b" " + password.encode())
    for path in messages:
        client.command(b"APPEND INBOX", path.read_bytes())
    client.command(b"SELECT INBOX")
    for number, path in enumerate(messages, start=1):
        answers = client.command(b"FETCH %d (ENVELOPE BODYSTRUCTURE)" % number)
        answers += client.command(b"FETCH %d (BODY)" % number)
        fetches = [a for a in answers if a.startswith(b"* %d FETCH" % number)]
        if len(fetches) != 2:
            raise RuntimeError("unexpected answers for %s: %r" % (path.name, answers))
        path.with_suffix(".fetch").write_bytes(b"".join(fetches))
        print(path.with_suffix(".fetch").name)
    client.command(b"LOGOUT")


if __name__ == "__main__":
    main(*sys.argv[1:])
