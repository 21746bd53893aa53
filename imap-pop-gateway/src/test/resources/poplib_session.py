"""python3 poplib against the POP3 gateway: STLS, USER/PASS, STAT, LIST, UIDL, TOP, RETR, DELE, RSET, NOOP, QUIT.

Usage: poplib_session.py PORT USER PASSWORD. Prints one line per step for the Java test to check.
"""
import poplib
import ssl
import sys

port, user, password = int(sys.argv[1]), sys.argv[2], sys.argv[3]
context = ssl.create_default_context()
context.check_hostname = False
context.verify_mode = ssl.CERT_NONE

pop = poplib.POP3("127.0.0.1", port, timeout=15)
print("capa", " ".join(sorted(pop.capa().keys())))
pop.stls(context)
print("capa-after-tls", " ".join(sorted(pop.capa().keys())))
pop.user(user)
pop.pass_(password)
count, size = pop.stat()
print("stat", count, size)
print("list", " ".join(line.decode() for line in pop.list()[1]))
print("uidl", " ".join(line.decode() for line in pop.uidl()[1]))
print("uidl1", pop.uidl(1).decode())
print("top", "|".join(line.decode() for line in pop.top(2, 1)[1]))
response, lines, octets = pop.retr(1)
print("retr", response.decode(), octets)
print("retr-lines", "|".join(line.decode() for line in lines))
print("dele", pop.dele(1).decode())
try:
    pop.retr(1)
except poplib.error_proto as e:
    print("retr-deleted", e.args[0].decode())
print("rset", pop.rset().decode())
print("noop", pop.noop().decode())
print("dele", pop.dele(2).decode())
print("quit", pop.quit().decode())
