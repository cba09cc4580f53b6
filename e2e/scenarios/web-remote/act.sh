#!/bin/sh
# What the host may ask the guest to do while it drives the web remote (one action a request;
# its answer is the output). The results folder is in /run/web-remote/out.
export PATH=/usr/local/bin:/usr/bin:/bin:/usr/sbin:/sbin
out=$(cat /run/web-remote/out)
now() { date +%s.%N; }
action=$1; shift
case "$action" in
  ping) echo pong ;;
  # A named point in time, on the clock the probe stamps with (realtime).
  mark) t=$(now); echo "$t $*" >> "$out/marks.txt"; echo "$t" ;;
  # Stamped when the answer is back: starting the client costs far more than its exit under
  # emulation, so the moment the daemon read its block count is much nearer the end.
  status) s=$(sideman status --json 2>&1); t=$(now); echo "$t $s" >> "$out/status-samples.txt"; echo "$s" ;;
  status-text) sideman status 2>&1 ;;
  # The daemon's process: pid, resident memory, open files, threads.
  proc)
    pid=$(systemctl show -p MainPID --value sideman)
    echo "pid=$pid rss_kb=$(awk '/^VmRSS/ {print $2}' /proc/$pid/status) hwm_kb=$(awk '/^VmHWM/ {print $2}' /proc/$pid/status)" \
      "fds=$(ls /proc/$pid/fd | wc -l) threads=$(awk '/^Threads/ {print $2}' /proc/$pid/status)" \
      "restarts=$(systemctl show -p NRestarts --value sideman)" ;;
  # A request to the page from 203.0.113.5 (a public address on the dummy interface).
  public) perl "$(dirname "$0")/http-get.pl" 203.0.113.5 10.0.2.15 8080 /api/state 4 ;;
  private) perl "$(dirname "$0")/http-get.pl" 10.0.2.15 10.0.2.15 8080 /api/state 4 ;;
  # Lets 203.0.113.5 through the unit's address filter (for this run only), so that the
  # daemon's own check is what answers it.
  allow-public) systemctl set-property --runtime sideman IPAddressAllow=203.0.113.5/32 && systemctl show -p IPAddressAllow sideman ;;
  journal) journalctl -u sideman --no-pager -o short-monotonic | tail -n "${1:-40}" ;;
  finish) touch /run/web-remote/done; echo bye ;;
  *) echo "unknown action $action"; exit 1 ;;
esac
