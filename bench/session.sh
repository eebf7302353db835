# shellcheck shell=bash
# Sourced by bench/link-order.sh and bench/link-order-check.sh: one session of $bin under
# valgrind in a 100x30 tmux pane on socket $sock, with its files in $tmp. It waits for
# MARKER (default: the map), presses KEYS (default: j j k), then QUIT (default: q).
#
#   TOOL=callgrind session NAME HOME ARGS...   # writes $tmp/NAME.out (the functions run)
#   TOOL=lackey session NAME HOME ARGS...      # writes $tmp/NAME.trace (every data access)
#
# HOME is the learner's home folder (its .cache holds the course cache; it has no settings
# file). The XDG_* variables are unset, as for most learners: the folders are then found
# from HOME, with the constants a learner's start reads, and the profile is the same on
# every machine.
session() {
  local name=$1 home=$2
  shift 2
  local marker=${MARKER:-Course map} tool out
  case ${TOOL:-callgrind} in
    callgrind) out=$tmp/$name.out
      tool="--tool=callgrind --demangle=no --callgrind-out-file=$out" ;;
    lackey) out=$tmp/$name.trace
      tool="--tool=lackey --trace-mem=yes --log-file=$out" ;;
    *) echo "session.sh: TOOL is callgrind or lackey" >&2; return 2 ;;
  esac
  rm -f "$tmp/done"
  mkdir -p "$home"
  tmux -L "$sock" -f /dev/null new-session -d -x 100 -y 30 \
    "env -u XDG_CACHE_HOME -u XDG_CONFIG_HOME -u XDG_DATA_HOME -u XDG_STATE_HOME HOME=$home \
       valgrind $tool \
       $bin $* 2>$tmp/$name.log; touch $tmp/done"
  for _ in $(seq 1 300); do
    tmux -L "$sock" capture-pane -p 2>/dev/null | grep -q "$marker" && break
    sleep 0.2
  done
  # shellcheck disable=SC2086 # the keys are words
  tmux -L "$sock" send-keys ${KEYS:-j j k}
  sleep 1
  # shellcheck disable=SC2086
  tmux -L "$sock" send-keys ${QUIT:-q}
  for _ in $(seq 1 300); do
    [ -f "$tmp/done" ] && break
    sleep 0.2
  done
  tmux -L "$sock" kill-server 2>/dev/null || true
  [ -s "$out" ] || { echo "session.sh: no profile for $name" >&2; cat "$tmp/$name.log" >&2; return 1; }
}
