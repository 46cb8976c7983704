#!/usr/bin/env bash
# A one-node Slurm cluster on this machine, for tests (`make test-slurm`): Debian's
# slurm-wlm and munge, the controller and the node both on 127.0.0.1, run as root.
#
#   scripts/slurm/cluster.sh install   # apt-get install slurm-wlm munge (idempotent)
#   scripts/slurm/cluster.sh start     # munged, slurmctld, slurmd; waits until the node is idle
#   scripts/slurm/cluster.sh stop      # stops the daemons this script started
#
# State, spool, logs and pid files live under $FOLIO_SLURM_DIR (default /tmp/folio-slurm).
set -euo pipefail

STATE_DIR=${FOLIO_SLURM_DIR:-/tmp/folio-slurm}
CONF=/etc/slurm/slurm.conf
START_TIMEOUT_SECONDS=${FOLIO_SLURM_TIMEOUT:-120}

fail() { echo "slurm cluster: $*" >&2; exit 1; }

install_packages() {
    [ "$(id -u)" -eq 0 ] || fail "need root (apt-get, munged, slurmd)"
    local missing=""
    for p in slurm-wlm munge; do
        dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing="$missing $p"
    done
    if [ -n "$missing" ]; then
        echo "slurm cluster: installing$missing"
        apt-get update -qq >/dev/null
        DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $missing >/dev/null
    fi
}

write_config() {
    local host cpus
    host=$(hostname)
    cpus=$(nproc)
    mkdir -p "$STATE_DIR"/{state,spool,log} /etc/slurm
    if [ -s "$CONF" ] && ! grep -q "Written by scripts/slurm/cluster.sh" "$CONF"; then
        fail "$CONF exists and is not ours: this machine has a Slurm configuration of its own; not touching it"
    fi
    cat > "$CONF" <<CONF
# Written by scripts/slurm/cluster.sh: a one-node test cluster.
ClusterName=folio
SlurmctldHost=$host(127.0.0.1)
SlurmUser=root
AuthType=auth/munge
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
SelectType=select/cons_tres
SelectTypeParameters=CR_CPU
SchedulerType=sched/backfill
ReturnToService=2
StateSaveLocation=$STATE_DIR/state
SlurmdSpoolDir=$STATE_DIR/spool
SlurmctldPidFile=$STATE_DIR/slurmctld.pid
SlurmdPidFile=$STATE_DIR/slurmd.pid
SlurmctldLogFile=$STATE_DIR/log/slurmctld.log
SlurmdLogFile=$STATE_DIR/log/slurmd.log
JobCompType=jobcomp/none
AccountingStorageType=accounting_storage/none
MinJobAge=600
NodeName=$host NodeAddr=127.0.0.1 CPUs=$cpus State=UNKNOWN
PartitionName=debug Nodes=$host Default=YES MaxTime=INFINITE State=UP
CONF
}

start_munge() {
    if [ ! -s /etc/munge/munge.key ]; then
        mkdir -p /etc/munge
        dd if=/dev/urandom bs=1 count=1024 of=/etc/munge/munge.key status=none
    fi
    chown munge:munge /etc/munge/munge.key
    chmod 400 /etc/munge/munge.key
    mkdir -p /run/munge /var/log/munge /var/lib/munge
    chown munge:munge /run/munge /var/log/munge /var/lib/munge
    if ! pgrep -u munge -x munged >/dev/null; then
        su -s /bin/sh munge -c "/usr/sbin/munged" || fail "munged did not start (see /var/log/munge/munged.log)"
        touch "$STATE_DIR/munged.started"
    fi
}

wait_for_idle_node() {
    local waited=0 state=""
    while [ "$waited" -lt "$START_TIMEOUT_SECONDS" ]; do
        state=$(sinfo -h -N -o "%T" 2>/dev/null | head -n1 || true)
        case "$state" in
            idle|mixed|allocated) echo "slurm cluster: node $(hostname) is $state"; return 0 ;;
        esac
        sleep 1
        waited=$((waited + 1))
    done
    fail "node $(hostname) not idle after ${START_TIMEOUT_SECONDS}s (state '${state:-none}'); see $STATE_DIR/log/"
}

start() {
    [ "$(id -u)" -eq 0 ] || fail "need root"
    command -v slurmctld >/dev/null || fail "slurm-wlm is not installed (run: $0 install)"
    write_config
    start_munge
    [ -f "$STATE_DIR/slurmctld.pid" ] && kill -0 "$(cat "$STATE_DIR/slurmctld.pid")" 2>/dev/null || slurmctld -c
    [ -f "$STATE_DIR/slurmd.pid" ] && kill -0 "$(cat "$STATE_DIR/slurmd.pid")" 2>/dev/null || slurmd
    wait_for_idle_node
}

stop() {
    for daemon in slurmd slurmctld; do
        local pidfile="$STATE_DIR/$daemon.pid"
        if [ -f "$pidfile" ]; then
            local pid
            pid=$(cat "$pidfile")
            kill "$pid" 2>/dev/null || true
            for _ in $(seq 1 20); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
            rm -f "$pidfile"
        fi
    done
    if [ -f "$STATE_DIR/munged.started" ] && [ -f /run/munge/munged.pid ]; then
        kill "$(cat /run/munge/munged.pid)" 2>/dev/null || true
        rm -f "$STATE_DIR/munged.started"
    fi
    echo "slurm cluster: stopped"
}

case "${1:-}" in
    install) install_packages ;;
    start) start ;;
    stop) stop ;;
    *) echo "usage: $0 install|start|stop" >&2; exit 2 ;;
esac
