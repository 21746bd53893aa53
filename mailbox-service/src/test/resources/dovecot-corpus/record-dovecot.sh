#!/usr/bin/env bash
# Records Dovecot's FETCH answers for every *.eml of this directory as <name>.fetch (see README.md).
# Needs dovecot-imapd installed and root (Dovecot drops to the mail uid itself); runs a private
# instance under a temporary directory on a free loopback port and stops it afterwards.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
port=${DOVECOT_CORPUS_PORT:-14343}
work=$(mktemp -d /tmp/dovecot-corpus.XXXXXX)
chmod 755 "$work"
mkdir -p "$work/run" "$work/home"
chown nobody:nogroup "$work/home"
echo "corpus:{PLAIN}corpus" > "$work/passwd"
cat > "$work/dovecot.conf" <<CONF
instance_name = dovecot-corpus
base_dir = $work/run
state_dir = $work/state
log_path = $work/dovecot.log
protocols = imap
listen = 127.0.0.1
ssl = no
disable_plaintext_auth = no
auth_mechanisms = plain
passdb {
  driver = passwd-file
  args = scheme=PLAIN username_format=%u $work/passwd
}
userdb {
  driver = static
  args = uid=65534 gid=65534 home=$work/home/%u
}
mail_location = maildir:~/Maildir
first_valid_uid = 1
service imap-login {
  inet_listener imap {
    address = 127.0.0.1
    port = $port
  }
  inet_listener imaps {
    port = 0
  }
}
service stats {
  unix_listener stats-reader {
    mode = 0666
  }
  unix_listener stats-writer {
    mode = 0666
  }
}
CONF
mkdir -p "$work/state"
dovecot -c "$work/dovecot.conf"
trap 'status=$?; doveadm -c "$work/dovecot.conf" stop >/dev/null 2>&1 || true; [ $status -eq 0 ] || tail -n 20 "$work/dovecot.log"; rm -rf "$work"' EXIT
for _ in $(seq 50); do
  (exec 3<>/dev/tcp/127.0.0.1/"$port") 2>/dev/null && break
  sleep 0.1
done
python3 "$here/record_fetch.py" 127.0.0.1 "$port" corpus corpus "$here"
dovecot --version > "$here/DOVECOT_VERSION"
