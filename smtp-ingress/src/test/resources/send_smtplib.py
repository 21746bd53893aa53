"""Sends one message file with python's smtplib, a client nobody in this project wrote.

usage: send_smtplib.py HOST PORT MESSAGE_FILE FROM TO [starttls USER PASSWORD]
Prints the reply to the end of the data as "REPLY <code> <text>".
"""
import smtplib
import ssl
import sys

host, port, path, sender, recipient = sys.argv[1:6]
with open(path, "rb") as f:
    message = f.read()
with smtplib.SMTP(host, int(port), timeout=60) as client:
    client.ehlo("python.client.example")
    if len(sys.argv) > 6 and sys.argv[6] == "starttls":
        context = ssl._create_unverified_context()  # the test certificate is self-signed
        client.starttls(context=context)
        client.ehlo("python.client.example")
        client.login(sys.argv[7], sys.argv[8])
    code, text = client.mail(sender, ["BODY=8BITMIME", "SIZE=%d" % len(message)])
    if code != 250:
        raise SystemExit("MAIL refused: %d %s" % (code, text))
    code, text = client.rcpt(recipient)
    if code != 250:
        raise SystemExit("RCPT refused: %d %s" % (code, text))
    code, text = client.data(message)
    print("REPLY %d %s" % (code, text.decode("utf-8")), flush=True)
