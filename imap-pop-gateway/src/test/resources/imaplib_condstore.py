"""python3 imaplib and CONDSTORE (RFC 7162): ENABLE, SELECT (CONDSTORE), STORE UNCHANGEDSINCE with one
stale MODSEQ answered with [MODIFIED], FETCH CHANGEDSINCE, STATUS HIGHESTMODSEQ, SEARCH MODSEQ.

Usage: imaplib_condstore.py PORT USER PASSWORD; prints one "ok <step> <detail>" line per step, exits 1 on a failure.
"""
import imaplib
import re
import ssl
import sys

port, user, password = int(sys.argv[1]), sys.argv[2], sys.argv[3]
ctx = ssl.create_default_context()
ctx.check_hostname = False
ctx.verify_mode = ssl.CERT_NONE


def modseqs(data):
    """{sequence number: MODSEQ} of FETCH responses."""
    out = {}
    for line in data:
        text = line.decode() if isinstance(line, bytes) else line[0].decode()
        found = re.match(r"(\d+) \(.*MODSEQ \((\d+)\)", text)
        assert found, text
        out[int(found.group(1))] = int(found.group(2))
    return out


M = imaplib.IMAP4("127.0.0.1", port)
M.starttls(ssl_context=ctx)
assert "CONDSTORE" in M.capabilities, M.capabilities
M.login(user, password)
print("ok login", " ".join(M.capabilities))
assert M.create("PyCond")[0] == "OK"
for n in range(3):
    typ, data = M.append("PyCond", None, None, b"Subject: condstore %d\r\n\r\nbody\r\n" % n)
    assert typ == "OK", data

typ, data = M.enable("CONDSTORE")
assert typ == "OK" and M.response("ENABLED")[1] == [b"CONDSTORE"], (typ, data)
print("ok enable")

# imaplib sends arguments as given: the select parameter rides along with the name.
typ, data = M.select("PyCond (CONDSTORE)")
assert typ == "OK" and data[0] == b"3", data
highest = int(M.response("HIGHESTMODSEQ")[1][0])
print("ok select", highest)

typ, data = M.fetch("1:3", "(MODSEQ)")
before = modseqs(data)
assert max(before.values()) == highest, (before, highest)
typ, data = M.store("1", "+FLAGS", "(\\Flagged)")
assert typ == "OK", data
flagged = modseqs(data)[1]
assert flagged > highest, (flagged, highest)
print("ok store", flagged)

# Message 1 changed since the MODSEQs read before: its UNCHANGEDSINCE test fails, 2 and 3 are stored.
typ, data = M.store("1:3", "(UNCHANGEDSINCE %d) +FLAGS" % before[3], "(\\Seen)")
assert typ == "OK", data
modified = M.response("MODIFIED")[1]
assert modified == [b"1"], modified
stored = modseqs(data)
assert sorted(stored) == [2, 3] and all(m > flagged for m in stored.values()), data
print("ok unchangedsince modified", modified[0].decode())

typ, data = M.fetch("1:*", "(FLAGS) (CHANGEDSINCE %d)" % flagged)
changed = modseqs(data)
assert sorted(changed) == [2, 3], data
assert all(b"\\Seen" in line for line in data), data
print("ok changedsince", " ".join(str(n) for n in sorted(changed)))

typ, data = M.uid("SEARCH", "MODSEQ", str(flagged + 1))
assert typ == "OK" and re.fullmatch(rb"2 3 \(MODSEQ \d+\)", data[0]), data
print("ok search", data[0].decode())

typ, data = M.status("PyCond", "(HIGHESTMODSEQ MESSAGES)")
assert typ == "OK", data
status = int(re.search(rb"HIGHESTMODSEQ (\d+)", data[0]).group(1))
assert status == max(changed.values()), (data, changed)
print("ok status", status)
M.logout()
print("ok logout")
