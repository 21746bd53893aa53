"""python3 imaplib against the gateway: STARTTLS, login, append, select, search, fetch, store, copy,
expunge, LIST (SPECIAL-USE) and GETQUOTAROOT.

Usage: imaplib_session.py PORT USER PASSWORD; prints one "ok <step> <detail>" line per step, exits 1 on a failure.
"""
import imaplib
import ssl
import sys

port, user, password = int(sys.argv[1]), sys.argv[2], sys.argv[3]
ctx = ssl.create_default_context()
ctx.check_hostname = False
ctx.verify_mode = ssl.CERT_NONE

M = imaplib.IMAP4("127.0.0.1", port)
assert "STARTTLS" in M.capabilities, M.capabilities
M.starttls(ssl_context=ctx)
print("ok starttls", " ".join(M.capabilities))
M.login(user, password)
print("ok login")
typ, _ = M.create("Py")
assert typ == "OK"
message = b"From: py@example.test\r\nSubject: from imaplib\r\n\r\nline one\r\nline two\r\n"
typ, data = M.append("Py", "(\\Flagged)", None, message)
assert typ == "OK", data
print("ok append", data[0].decode())
typ, data = M.select("Py")
assert typ == "OK" and data[0] == b"1", data
print("ok select", data[0].decode())
typ, data = M.search(None, "SUBJECT", '"from imaplib"')
assert data[0] == b"1", data
print("ok search", data[0].decode())
typ, data = M.fetch("1", "(RFC822)")
assert data[0][1] == message, data
print("ok fetch", len(data[0][1]))
typ, data = M.uid("FETCH", "1:*", "(FLAGS)")
assert b"\\Seen" in data[0] and b"\\Flagged" in data[0], data
print("ok flags", data[0].decode())
typ, data = M.copy("1", "INBOX")
assert typ == "OK", data
print("ok copy")
M.store("1", "+FLAGS", "\\Deleted")
typ, data = M.expunge()
assert data[0] == b"1", data
print("ok expunge", data[0].decode())
M.close()
typ, data = M._simple_command("LIST", "(SPECIAL-USE)", '""', "*")
lines = M._untagged_response(typ, data, "LIST")[1]
assert typ == "OK" and any(b"\\Sent" in line for line in lines), lines
print("ok list special-use", len(lines))
typ, data = M.getquotaroot("INBOX")
assert typ == "OK" and data[0][0].startswith(b"INBOX"), data
print("ok getquotaroot", data[0][0].decode())
M.logout()
print("ok logout")
