#!/usr/bin/env python3
"""Writes a target's seed inputs, taken from the recorded captures, into a corpus folder.
Usage: seed.py TARGET CAPTURES_DIR CORPUS_DIR"""
import glob, hashlib, json, os, sys

target, captures, corpus = sys.argv[1:4]
seeds = []
records = []
for path in sorted(glob.glob(os.path.join(captures, "*.json"))):
    with open(path, encoding="utf-8") as file:
        records.append(json.load(file)["records"])


def body(frame):
    """The part after the header block's blank line."""
    return frame.split("\n\n", 1)[1] if "\n\n" in frame else ""


for capture in records:
    server = "".join(r["data"] for r in capture if r["dir"] == "S->C")
    client = "".join(r["data"] for r in capture if r["dir"] == "C->S")
    if target == "frame":
        # The first byte is where the decoder's input is split in two.
        seeds += [chr(len(server) % 251) + server]
    elif target == "server-session":
        # The first byte chooses the session: inbound, outbound full, outbound single-channel.
        seeds += ["\x00" + client, "\x01" + client, "\x02" + client]
    elif target.startswith("event-"):
        kind = {"event-plain": "text/event-plain", "event-json": "text/event-json", "event-xml": "text/event-xml"}[target]
        seeds += [body(r["data"]) for r in capture if r["dir"] == "S->C" and kind in r["data"].split("\n\n", 1)[0]]
    elif target == "console-input":
        seeds += ["\n".join(r["data"].strip()[4:] for r in capture if r["dir"] == "C->S" and r["data"].startswith("api "))]

if target == "console-input":
    seeds += ["/event plain ALL\n/filter Unique-ID abc\n/log debug\n/uuid 1234\n/help log\n...\n/exit",
              "bgapi originate loopback/7000 &park()\n/logfilter ^warn\n/view full\n/find error\n/nope"]
if target == "config-file":
    seeds += ["[default]\nhost => 127.0.0.1\nport => 8021\npassword => ClueCon\n;; comment\n[pbx1]\nkey_F1 => show channels\n",
              "# comment\n[a] trailing\nloglevel = debug\n__END__\nignored => yes\n",
              "[x]\nprompt-string => %s@%h> \ncolor => always\nmock-extension => 7100=answer,park\n"]

for seed in seeds:
    data = seed.encode("utf-8")
    if data:
        name = hashlib.sha1(data).hexdigest()
        with open(os.path.join(corpus, name), "wb") as file:
            file.write(data)
print(f"{len(seeds)} seeds for {target}", file=sys.stderr)
