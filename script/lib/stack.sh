# shellcheck shell=bash
# script/lib/stack.sh: start and stop a private CourseMart instance under var/<name>/ — its own
# PostgreSQL 15 cluster (unix socket only), the app (`coursemart serve`) and nginx on 127.0.0.1.
# Sourced by script/server, script/test and script/bench. It never touches anything outside the
# checkout and never uses the system's PostgreSQL cluster or nginx service.
#
#   source script/lib/stack.sh
#   stack_use dev               # or: stack_use test / stack_use bench / stack_use NAME PORT
#   stack_start                 # stale instance stopped, PG, migrate, demo, serve, nginx, /healthz
#   stack_start --fresh-db      # the same with the database dropped and created again
#   stack_stop
#
# Layout of var/<name>/:
#   pg/                  the PostgreSQL cluster (owned by `postgres` when run as root)
#   run/                 PG's socket (.s.PGSQL.5432), coursemart.sock, coursemart.pid, serve.pid
#   log/                 postgres.log, coursemart.log (serve's stderr), access.log, nginx-*.log
#   nginx/               nginx.conf, nginx.pid and its temp folders
#   coursemart.conf      the app's config     secret.key    64 hex chars, mode 600, made once
#
# Every function returns non-zero on failure (it does not rely on set -e, which bash ignores
# inside functions called from `if` or `||`), after printing what went wrong.

if [ -z "${CM_ROOT:-}" ]; then
	CM_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd -P)
fi
STACK_PG_BIN=${STACK_PG_BIN:-/usr/lib/postgresql/15/bin}
STACK_PG_PORT=5432 # unix socket only: the port only names the socket file
STACK_NGINX_BIN=${STACK_NGINX_BIN:-/usr/sbin/nginx}
STACK_DB=coursemart
STACK_TIMEOUT=${STACK_TIMEOUT:-60} # seconds for each wait

stack_say() { printf '==> %s\n' "$*"; }
stack_err() { printf 'stack: error: %s\n' "$*" >&2; }

stack_is_root() { [ "$(id -u)" = 0 ]; }

# stack_use NAME [PORT]: choose the instance every other function works on.
# Default ports: dev 8080, test 18080, bench 18081.
stack_use() {
	local name=$1 port=${2:-}
	if [ -z "$port" ]; then
		case $name in
		dev) port=8080 ;;
		test) port=18080 ;;
		bench) port=18081 ;;
		*)
			stack_err "stack_use $name: give a port"
			return 1
			;;
		esac
	fi
	STACK_NAME=$name
	STACK_PORT=$port
	STACK_VAR=$CM_ROOT/var/$name
	STACK_RUN=$STACK_VAR/run
	STACK_LOG=$STACK_VAR/log
	STACK_PGDATA=$STACK_VAR/pg
	STACK_NGINX_DIR=$STACK_VAR/nginx
	STACK_NGINX_CONF=$STACK_NGINX_DIR/nginx.conf
	STACK_CONF=$STACK_VAR/coursemart.conf
	STACK_SECRET=$STACK_VAR/secret.key
	STACK_SOCK=$STACK_RUN/coursemart.sock
	STACK_APP_PIDFILE=$STACK_RUN/coursemart.pid # written by the app (pid_file)
	STACK_SPAWN_PIDFILE=$STACK_RUN/serve.pid    # written by us when we start it
	STACK_URL=http://127.0.0.1:$port
	# gatewaysim (the payment and SMS providers' stand-in) listens on the port two above
	STACK_SIM_PORT=$((port + 2))
	STACK_SIM_URL=http://127.0.0.1:$STACK_SIM_PORT
	STACK_SIM_SOCK=$STACK_RUN/gatewaysim.sock
	STACK_SMS_KEY=$STACK_VAR/sms.key
	STACK_UPLOADS=$STACK_VAR/uploads
	if stack_is_root; then
		STACK_DBUSER=postgres
	else
		STACK_DBUSER=$(id -un)
	fi
	# as root: can the service users reach the checkout? (see stack_pg_exec)
	STACK_USERNS=0
	if stack_is_root && { ! runuser -u postgres -- test -x "$CM_ROOT" ||
		! runuser -u www-data -- test -r "$CM_ROOT/static" ||
		! runuser -u www-data -- test -x "$CM_ROOT/static"; }; then
		STACK_USERNS=1
	fi
	# fsync off only where losing the data on a crash costs nothing
	if [ "$name" = test ]; then STACK_FSYNC=off; else STACK_FSYNC=on; fi
	export CM_ROOT
}

# libpq conninfo value quoting: plain when safe, else single-quoted with \ and ' escaped.
stack_conninfo_value() {
	local v=$1
	if [[ $v =~ ^[A-Za-z0-9_./-]+$ ]]; then
		printf '%s' "$v"
	else
		v=${v//\\/\\\\}
		v=${v//\'/\\\'}
		printf "'%s'" "$v"
	fi
}

# The libpq connection string of the instance's database (what the app and tests use).
stack_conninfo() {
	printf 'host=%s port=%s dbname=%s user=%s' "$(stack_conninfo_value "$STACK_RUN")" \
		"$STACK_PG_PORT" "$STACK_DB" "$STACK_DBUSER"
}

# A psql command line (one shell-quoted string) connected to the instance's database; for tests.
stack_psql_cmdline() {
	printf '%q -X -q -v ON_ERROR_STOP=1 -h %q -p %q -U %q -d %q' "$STACK_PG_BIN/psql" \
		"$STACK_RUN" "$STACK_PG_PORT" "$STACK_DBUSER" "$STACK_DB"
}

# stack_psql ARGS...: psql on the instance (default database: postgres; pass -d to change).
stack_psql() {
	"$STACK_PG_BIN/psql" -X -q -v ON_ERROR_STOP=1 -h "$STACK_RUN" -p "$STACK_PG_PORT" \
		-U "$STACK_DBUSER" -d postgres "$@"
}

# As root, PostgreSQL (which refuses root) runs as the postgres user and nginx's workers as
# www-data, when those users can reach the checkout. When they cannot (a checkout under /root,
# which is 0700), both run in a user namespace where root appears as nobody: PostgreSQL agrees to
# start, and file access is still root's, so nothing outside the checkout needs to change.
STACK_USERNS=0
stack_userns() { unshare --user --map-user=65534 --map-group=65534 "$@"; }

# Run a PostgreSQL server program as the cluster's owner: initdb and postgres refuse root.
stack_pg_exec() {
	if [ "$STACK_USERNS" = 1 ]; then
		(cd / && stack_userns "$@")
	elif stack_is_root; then
		(cd / && runuser -u postgres -- "$@")
	else
		"$@"
	fi
}

# chown to postgres, when PostgreSQL runs as that user.
stack_pg_own() {
	if stack_is_root && [ "$STACK_USERNS" = 0 ]; then chown postgres "$@"; fi
}

# stack_log_tail FILE...: the end of each log, to show why something did not start.
stack_log_tail() {
	local f
	for f in "$@"; do
		if [ -s "$f" ]; then
			printf -- '----- last lines of %s -----\n' "$f" >&2
			tail -n 25 "$f" >&2
			printf -- '-----\n' >&2
		fi
	done
}

# Is PID a live process (not a zombie)? With NEEDLE, its command line must also contain it.
stack_pid_alive() {
	local pid=$1 needle=${2:-} state
	[[ $pid =~ ^[0-9]+$ ]] || return 1
	[ -r "/proc/$pid/stat" ] || return 1
	state=$(sed 's/^.*) //' "/proc/$pid/stat" 2>/dev/null | cut -d' ' -f1) || return 1
	[ "$state" != Z ] || return 1
	if [ -n "$needle" ]; then
		tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null | grep -qF -- "$needle" || return 1
	fi
	return 0
}

# stack_wait_gone PID SECONDS: wait for a process to end; non-zero if it is still there.
stack_wait_gone() {
	local pid=$1 n=$(($2 * 10))
	while [ $n -gt 0 ]; do
		stack_pid_alive "$pid" || return 0
		sleep 0.1
		n=$((n - 1))
	done
	! stack_pid_alive "$pid"
}

# stack_kill_pidfile FILE NEEDLE SIGNAL SECONDS: signal the process named in FILE (only if its
# command line contains NEEDLE, so a recycled pid is never hit), wait for it, SIGKILL if it
# lingers, then remove FILE. Quiet and successful when nothing runs.
stack_kill_pidfile() {
	local file=$1 needle=$2 sig=$3 secs=$4 pid
	[ -f "$file" ] || return 0
	pid=$(head -n1 "$file" 2>/dev/null | tr -dc '0-9')
	if [ -n "$pid" ] && stack_pid_alive "$pid" "$needle"; then
		kill "-$sig" "$pid" 2>/dev/null || true
		if ! stack_wait_gone "$pid" "$secs"; then
			stack_err "pid $pid ($needle) did not stop within ${secs}s after SIG$sig: killing it"
			kill -KILL "$pid" 2>/dev/null || true
			stack_wait_gone "$pid" 5 || true
		fi
	fi
	rm -f "$file"
}

# Refuse paths the configs cannot carry, and socket paths the kernel cannot: sun_path has 108
# bytes; we keep every socket path under 100.
stack_check_paths() {
	local p
	case $STACK_VAR in
	*[\"\'\\\$,]* | *$'\n'*)
		stack_err "the checkout path '$CM_ROOT' contains one of \" ' \\ \$ , or a newline," \
			"which the nginx and PostgreSQL configs cannot carry: move the checkout"
		return 1
		;;
	esac
	for p in "$STACK_RUN/.s.PGSQL.$STACK_PG_PORT" "$STACK_SOCK" "$STACK_SIM_SOCK"; do
		if [ "$(printf '%s' "$p" | wc -c)" -ge 100 ]; then
			stack_err "the socket path $p is $(printf '%s' "$p" | wc -c) bytes long;" \
				"unix socket paths must stay under 100 bytes: move the checkout to a shorter path"
			return 1
		fi
	done
}

# Create var/<name>/ and its folders with the owners and modes the services need, and check
# that the postgres and www-data users (when root) can reach them.
stack_prepare_dirs() {
	stack_check_paths || return 1
	mkdir -p "$CM_ROOT/var" "$STACK_VAR" "$STACK_RUN" "$STACK_LOG" "$STACK_NGINX_DIR" || return 1
	# traversable by postgres and nginx's www-data workers (the PG socket itself is 0700)
	chmod 0755 "$CM_ROOT/var" "$STACK_VAR" "$STACK_RUN" "$STACK_LOG" "$STACK_NGINX_DIR" || return 1
	if [ "$STACK_USERNS" = 1 ] && ! stack_userns true 2>/dev/null; then
		stack_err "the postgres and www-data users cannot reach $CM_ROOT (a folder above the" \
			"checkout is not searchable, e.g. /root is 0700) and this machine allows no user" \
			"namespace to run them as root. Move the checkout under a readable path (e.g. /srv)," \
			"or run the scripts as a normal user. Nothing outside the checkout was changed."
		return 1
	fi
	if stack_is_root && [ "$STACK_USERNS" = 0 ]; then
		if [ -d "$STACK_PGDATA" ] && [ "$(stat -c %U "$STACK_PGDATA")" != postgres ]; then
			stack_err "$STACK_PGDATA belongs to $(stat -c %U "$STACK_PGDATA"), not postgres:" \
				"it was made by a normal user. Run as that user, or remove $STACK_VAR."
			return 1
		fi
		stack_pg_own "$STACK_RUN" || return 1
	else
		if [ -d "$STACK_PGDATA" ] && [ ! -O "$STACK_PGDATA" ]; then
			stack_err "$STACK_PGDATA belongs to $(stat -c %U "$STACK_PGDATA"), not $(id -un):" \
				"it was made as root. Run as root, or remove $STACK_VAR (as root)."
			return 1
		fi
		if [ ! -O "$STACK_RUN" ]; then
			stack_err "$STACK_RUN belongs to $(stat -c %U "$STACK_RUN"): remove $STACK_VAR as root"
			return 1
		fi
	fi
}

# --- PostgreSQL ----------------------------------------------------------------------------------

# Our settings, rewritten on every start (postgresql.conf includes this file).
stack_pg_write_conf() {
	local f=$STACK_PGDATA/coursemart.conf sync=on
	[ "$STACK_FSYNC" = off ] && sync=off
	cat >"$f" <<EOF || return 1
# Written by script/lib/stack.sh on every start of the "$STACK_NAME" instance: edit that, not this.
listen_addresses = ''
unix_socket_directories = '$STACK_RUN'
unix_socket_permissions = 0700
port = $STACK_PG_PORT
max_connections = 100
shared_buffers = 128MB
timezone = 'Asia/Shanghai'
log_timezone = 'Asia/Shanghai'
fsync = $STACK_FSYNC
synchronous_commit = $sync
full_page_writes = $sync
EOF
	stack_pg_own "$f" || return 1
}

# initdb once: UTF-8, C.UTF-8 locale, trust auth (socket-only access in a private folder).
stack_pg_init() {
	if [ ! -s "$STACK_PGDATA/PG_VERSION" ]; then
		if [ -d "$STACK_PGDATA" ] && [ -n "$(ls -A "$STACK_PGDATA" 2>/dev/null)" ]; then
			stack_err "$STACK_PGDATA is not empty but holds no cluster: remove it and start again"
			return 1
		fi
		stack_say "initdb $STACK_PGDATA"
		mkdir -p "$STACK_PGDATA" && chmod 0700 "$STACK_PGDATA" || return 1
		stack_pg_own "$STACK_PGDATA" || return 1
		if ! stack_pg_exec "$STACK_PG_BIN/initdb" -D "$STACK_PGDATA" -E UTF8 --locale=C.UTF-8 \
			-A trust -U "$STACK_DBUSER" --no-instructions >"$STACK_LOG/initdb.log" 2>&1; then
			stack_err "initdb failed"
			stack_log_tail "$STACK_LOG/initdb.log"
			return 1
		fi
		printf "\n# CourseMart's instance settings (script/lib/stack.sh)\n%s\n" \
			"include_if_exists = 'coursemart.conf'" >>"$STACK_PGDATA/postgresql.conf" || return 1
	fi
	stack_pg_write_conf
}

stack_pg_running() {
	[ -f "$STACK_PGDATA/postmaster.pid" ] || return 1
	stack_pg_exec "$STACK_PG_BIN/pg_ctl" -D "$STACK_PGDATA" status >/dev/null 2>&1
}

stack_pg_wait() {
	local n=$((STACK_TIMEOUT * 10))
	while [ $n -gt 0 ]; do
		if "$STACK_PG_BIN/pg_isready" -q -h "$STACK_RUN" -p "$STACK_PG_PORT" -d postgres \
			-U "$STACK_DBUSER"; then
			return 0
		fi
		sleep 0.1
		n=$((n - 1))
	done
	stack_err "PostgreSQL ($STACK_RUN) did not accept connections within ${STACK_TIMEOUT}s"
	stack_log_tail "$STACK_LOG/postgres.log"
	return 1
}

stack_pg_start() {
	local log=$STACK_LOG/postgres.log
	if stack_pg_running; then
		stack_say "PostgreSQL of '$STACK_NAME' is still running: stopping it first"
		stack_pg_stop || return 1
	fi
	touch "$log" || return 1
	stack_pg_own "$log" || return 1
	stack_say "starting PostgreSQL ($STACK_PGDATA, socket in $STACK_RUN, fsync $STACK_FSYNC)"
	if ! stack_pg_exec "$STACK_PG_BIN/pg_ctl" -D "$STACK_PGDATA" -l "$log" -w \
		-t "$STACK_TIMEOUT" -s start </dev/null >>"$log" 2>&1; then
		stack_err "PostgreSQL did not start"
		stack_log_tail "$log"
		return 1
	fi
	stack_pg_wait
}

stack_pg_stop() {
	if stack_pg_running; then
		stack_say "stopping PostgreSQL of '$STACK_NAME'"
		if ! stack_pg_exec "$STACK_PG_BIN/pg_ctl" -D "$STACK_PGDATA" -m fast -w \
			-t "$STACK_TIMEOUT" -s stop </dev/null >>"$STACK_LOG/postgres.log" 2>&1; then
			stack_err "pg_ctl stop failed"
			stack_log_tail "$STACK_LOG/postgres.log"
			return 1
		fi
	fi
}

# Create the database if absent, with the collation the Chinese search needs.
stack_db_create() {
	local exists
	exists=$(stack_psql -A -t -c "SELECT 1 FROM pg_database WHERE datname = '$STACK_DB'") ||
		return 1
	if [ "$exists" != 1 ]; then
		stack_say "creating database $STACK_DB"
		stack_psql -c "CREATE DATABASE $STACK_DB TEMPLATE template0 ENCODING 'UTF8'
			LC_CTYPE 'C.UTF-8' LC_COLLATE 'C.UTF-8'" || return 1
	fi
}

# Drop the database (closing its connections) and create it empty again.
stack_db_recreate() {
	stack_say "dropping database $STACK_DB"
	stack_psql -c "SET client_min_messages = warning" \
		-c "DROP DATABASE IF EXISTS $STACK_DB WITH (FORCE)" || return 1
	stack_db_create
}

# --- secret and app config -----------------------------------------------------------------------

stack_secret() {
	[ -s "$STACK_SECRET" ] && return 0
	stack_say "creating $STACK_SECRET"
	(
		umask 077
		od -An -tx1 -N32 /dev/urandom | tr -d ' \n' >"$STACK_SECRET.tmp" &&
			mv "$STACK_SECRET.tmp" "$STACK_SECRET"
	) || return 1
	chmod 600 "$STACK_SECRET" || return 1
	if [ "$(tr -d '\n' <"$STACK_SECRET" | wc -c)" != 64 ]; then
		stack_err "$STACK_SECRET does not hold 64 hex characters"
		return 1
	fi
}

# The SMS provider's secret key that the app signs with and gatewaysim checks: made once, like the
# server secret. CM_SMS_DRIVER=tencent switches the instance to Tencent Cloud's protocol.
stack_sms_key() {
	[ -s "$STACK_SMS_KEY" ] && return 0
	(
		umask 077
		od -An -tx1 -N20 /dev/urandom | tr -d ' \n' >"$STACK_SMS_KEY.tmp" &&
			mv "$STACK_SMS_KEY.tmp" "$STACK_SMS_KEY"
	) || return 1
}

stack_write_conf() {
	local driver=${CM_SMS_DRIVER:-aliyun} templates
	case $driver in
	aliyun) templates='login_code:SMS_900001 family_code:SMS_900002 agency_decision:SMS_900003 listing_decision:SMS_900004' ;;
	tencent) templates='login_code:1900001 family_code:1900002 agency_decision:1900003 listing_decision:1900004' ;;
	*)
		stack_err "CM_SMS_DRIVER=$driver: use aliyun or tencent"
		return 1
		;;
	esac
	stack_sms_key || return 1
	mkdir -p "$STACK_UPLOADS" && chmod 0700 "$STACK_UPLOADS" || return 1
	cat >"$STACK_CONF" <<EOF || return 1
# Written by script/lib/stack.sh for the "$STACK_NAME" instance on every start: edit that, not
# this. Every key is documented in etc/coursemart.conf.example.
listen = $STACK_SOCK
workers = ${CM_WORKERS:-0}
database = $(stack_conninfo)
database_read =
templates = $CM_ROOT/templates
static = $CM_ROOT/static
schema = $CM_ROOT/schema
secret_file = $STACK_SECRET
access_log = $STACK_LOG/access.log
pid_file = $STACK_APP_PIDFILE
https = off
uploads = $STACK_UPLOADS
sms_driver = $driver
sms_endpoint = $STACK_SIM_URL/
sms_access_key_id = CMSIM$(printf '%s' "$STACK_NAME" | tr '[:lower:]' '[:upper:]')KEY0001
sms_access_key_secret_file = $STACK_SMS_KEY
sms_sign_name = 课程超市
sms_region =
sms_sdk_app_id = 1400000001
sms_templates = $templates
sms_timeout_seconds = 10
courier_lease_seconds = ${CM_COURIER_LEASE:-60}
sim_listen = $STACK_SIM_SOCK
EOF
}

# --- the app -------------------------------------------------------------------------------------

# The server binary: $CM_APP_BIN when set (script/test uses the sanitizer build), else ./coursemart.
stack_app_bin() {
	STACK_APP_BIN=${CM_APP_BIN:-$CM_ROOT/coursemart}
	if [ ! -x "$STACK_APP_BIN" ]; then
		stack_err "$STACK_APP_BIN is not built: run script/bootstrap"
		return 1
	fi
}

# stack_app SUBCOMMAND [ARGS...]: run ./coursemart --config var/<name>/coursemart.conf ...
stack_app() {
	stack_app_bin || return 1
	"$CM_ROOT/coursemart" --config "$STACK_CONF" "$@"
}

stack_migrate() {
	stack_say "coursemart migrate"
	stack_app migrate || {
		stack_err "coursemart migrate failed"
		return 1
	}
}

stack_demo() {
	stack_say "coursemart demo"
	stack_app demo || {
		stack_err "coursemart demo failed"
		return 1
	}
}

stack_app_pid() {
	local f pid
	for f in "$STACK_APP_PIDFILE" "$STACK_SPAWN_PIDFILE"; do
		[ -f "$f" ] || continue
		pid=$(head -n1 "$f" 2>/dev/null | tr -dc '0-9')
		if [ -n "$pid" ] && stack_pid_alive "$pid" "$STACK_CONF"; then
			echo "$pid"
			return 0
		fi
	done
	return 1
}

# Make the app's socket writable by nginx: as root nginx's workers are www-data.
stack_app_socket_perms() {
	if stack_is_root; then
		chgrp www-data "$STACK_SOCK" && chmod 0660 "$STACK_SOCK" || return 1
	fi
}

stack_app_wait_socket() {
	local pid=$1 n=$((STACK_TIMEOUT * 10))
	while [ $n -gt 0 ]; do
		[ -S "$STACK_SOCK" ] && return 0
		if ! stack_pid_alive "$pid"; then
			stack_err "coursemart serve exited before opening $STACK_SOCK"
			stack_log_tail "$STACK_LOG/coursemart.log"
			return 1
		fi
		sleep 0.1
		n=$((n - 1))
	done
	stack_err "coursemart serve did not open $STACK_SOCK within ${STACK_TIMEOUT}s"
	stack_log_tail "$STACK_LOG/coursemart.log"
	return 1
}

# Start `coursemart serve` in the background (stderr to log/coursemart.log). Sets STACK_APP_PID.
stack_app_start() {
	stack_app_bin || return 1
	stack_app_stop || return 1
	rm -f "$STACK_SOCK"
	stack_say "starting coursemart serve (socket $STACK_SOCK)"
	"$STACK_APP_BIN" --config "$STACK_CONF" serve </dev/null >>"$STACK_LOG/coursemart.log" 2>&1 &
	STACK_APP_PID=$!
	echo "$STACK_APP_PID" >"$STACK_SPAWN_PIDFILE"
	stack_app_wait_socket "$STACK_APP_PID" || return 1
	stack_app_socket_perms
}

# SIGTERM: the master drains its workers and exits.
stack_app_stop() {
	local pid
	if pid=$(stack_app_pid); then
		stack_say "stopping coursemart serve of '$STACK_NAME' (pid $pid)"
		echo "$pid" >"$STACK_SPAWN_PIDFILE"
		stack_kill_pidfile "$STACK_SPAWN_PIDFILE" "$STACK_CONF" TERM 30
	fi
	rm -f "$STACK_SPAWN_PIDFILE" "$STACK_APP_PIDFILE"
}

# SIGHUP: reload templates and config; the socket permissions are set again in case it was made anew.
stack_app_reload() {
	local pid
	pid=$(stack_app_pid) || {
		stack_err "coursemart serve of '$STACK_NAME' is not running"
		return 1
	}
	kill -HUP "$pid" && sleep 0.5
	[ -S "$STACK_SOCK" ] && stack_app_socket_perms
}

# --- helper processes (gatewaysim, courier, ...) -------------------------------------------------

# stack_proc_start LABEL COMMAND [ARGS...]: run a helper of the instance in the background, output
# to log/LABEL.log, pid (and command) in run/LABEL.proc.pid. stack_stop stops every one of them.
# To start some with every instance, define stack_start_extras (called after serve, before nginx):
#   stack_start_extras() { stack_proc_start courier2 "$STACK_APP_BIN" --config "$STACK_CONF" courier; }
stack_proc_start() {
	local label=$1 pid
	shift
	stack_proc_stop "$label" || return 1
	stack_say "starting $label: $*"
	"$@" </dev/null >>"$STACK_LOG/$label.log" 2>&1 &
	pid=$!
	printf '%s\n%s\n' "$pid" "$1" >"$STACK_RUN/$label.proc.pid"
	sleep 0.2
	if ! stack_pid_alive "$pid"; then
		stack_err "$label exited at once"
		stack_log_tail "$STACK_LOG/$label.log"
		return 1
	fi
}

# stack_proc_stop LABEL: SIGTERM, then SIGKILL after 15 s.
stack_proc_stop() {
	local f=$STACK_RUN/$1.proc.pid cmd pid
	[ -f "$f" ] || return 0
	pid=$(head -n1 "$f" | tr -dc '0-9')
	cmd=$(sed -n 2p "$f")
	if [ -n "$pid" ] && stack_pid_alive "$pid" "$cmd"; then
		stack_say "stopping $1 of '$STACK_NAME' (pid $pid)"
	fi
	stack_kill_pidfile "$f" "$cmd" TERM 15
}

stack_procs_stop() {
	local f rc=0
	for f in "$STACK_RUN"/*.proc.pid; do
		[ -e "$f" ] || continue
		f=${f##*/}
		stack_proc_stop "${f%.proc.pid}" || rc=1
	done
	return $rc
}

# --- gatewaysim ----------------------------------------------------------------------------------

# Start gatewaysim (the SMS providers' stand-in, docs/gatewaysim.md) for the instance: a helper
# labelled gatewaysim, so stack_stop stops it. $CM_SIM_BIN when set (script/test uses the
# sanitizer build), else ./gatewaysim. Its socket is made writable by nginx, as the app's is.
stack_sim_start() {
	local bin=${CM_SIM_BIN:-$CM_ROOT/gatewaysim} n=$((STACK_TIMEOUT * 10)) pid
	if [ ! -x "$bin" ]; then
		stack_err "$bin is not built: run script/bootstrap"
		return 1
	fi
	rm -f "$STACK_SIM_SOCK"
	stack_proc_start gatewaysim "$bin" --config "$STACK_CONF" || return 1
	pid=$(head -n1 "$STACK_RUN/gatewaysim.proc.pid")
	while [ ! -S "$STACK_SIM_SOCK" ]; do
		if ! stack_pid_alive "$pid" || [ $n -le 0 ]; then
			stack_err "gatewaysim did not open $STACK_SIM_SOCK"
			stack_log_tail "$STACK_LOG/gatewaysim.log"
			return 1
		fi
		sleep 0.1
		n=$((n - 1))
	done
	if stack_is_root; then
		chgrp www-data "$STACK_SIM_SOCK" && chmod 0660 "$STACK_SIM_SOCK" || return 1
	fi
}

# --- the courier ---------------------------------------------------------------------------------

# stack_courier_start: one `coursemart courier` for the instance (log/courier.log), the same binary
# as serve ($CM_APP_BIN under script/test, the sanitizer build). More may run beside it.
stack_courier_start() {
	stack_app_bin || return 1
	stack_proc_start courier "$STACK_APP_BIN" --config "$STACK_CONF" courier
}

# --- nginx ---------------------------------------------------------------------------------------

# Escape a string for the replacement side of a sed s|||.
stack_sed_escape() { printf '%s' "$1" | sed -e 's/[\\|&]/\\&/g'; }

stack_nginx_write_conf() {
	local user=''
	if stack_is_root && [ "$STACK_USERNS" = 0 ]; then user='user www-data;'; fi
	# comment lines keep their placeholders (they document them)
	sed -e "/^[[:space:]]*#/!s|@USER_DIRECTIVE@|$(stack_sed_escape "$user")|g" \
		-e "/^[[:space:]]*#/!s|@ROOT@|$(stack_sed_escape "$CM_ROOT")|g" \
		-e "/^[[:space:]]*#/!s|@VAR@|$(stack_sed_escape "$STACK_VAR")|g" \
		-e "/^[[:space:]]*#/!s|@PORT@|$(stack_sed_escape "$STACK_PORT")|g" \
		-e "/^[[:space:]]*#/!s|@SOCKET@|$(stack_sed_escape "$STACK_SOCK")|g" \
		-e "/^[[:space:]]*#/!s|@SIM_PORT@|$(stack_sed_escape "$STACK_SIM_PORT")|g" \
		-e "/^[[:space:]]*#/!s|@SIM_SOCKET@|$(stack_sed_escape "$STACK_SIM_SOCK")|g" \
		"$CM_ROOT/etc/nginx.conf.in" >"$STACK_NGINX_CONF.tmp" || return 1
	mv "$STACK_NGINX_CONF.tmp" "$STACK_NGINX_CONF"
}

stack_nginx() {
	if [ "$STACK_USERNS" = 1 ]; then
		stack_userns "$STACK_NGINX_BIN" -p "$STACK_NGINX_DIR/" -c "$STACK_NGINX_CONF" \
			-e "$STACK_LOG/nginx-error.log" "$@"
	else
		"$STACK_NGINX_BIN" -p "$STACK_NGINX_DIR/" -c "$STACK_NGINX_CONF" \
			-e "$STACK_LOG/nginx-error.log" "$@"
	fi
}

stack_nginx_start() {
	local out
	stack_nginx_stop || return 1
	stack_nginx_write_conf || return 1
	if ! out=$(stack_nginx -t -q 2>&1); then
		stack_err "nginx -t refused $STACK_NGINX_CONF:"
		printf '%s\n' "$out" >&2
		return 1
	fi
	stack_say "starting nginx on $STACK_URL"
	if ! stack_nginx </dev/null >>"$STACK_LOG/nginx-error.log" 2>&1; then
		stack_err "nginx did not start (is port $STACK_PORT taken by another program?)"
		stack_log_tail "$STACK_LOG/nginx-error.log"
		return 1
	fi
}

# nginx -s quit is SIGQUIT to the master: finish the requests in flight, then exit.
stack_nginx_stop() {
	local pid
	[ -f "$STACK_NGINX_DIR/nginx.pid" ] || return 0
	pid=$(tr -dc '0-9' <"$STACK_NGINX_DIR/nginx.pid")
	if [ -n "$pid" ] && stack_pid_alive "$pid" "$STACK_NGINX_CONF"; then
		stack_say "stopping nginx of '$STACK_NAME' (pid $pid)"
	fi
	stack_kill_pidfile "$STACK_NGINX_DIR/nginx.pid" "$STACK_NGINX_CONF" QUIT 15
}

# --- waiting -------------------------------------------------------------------------------------

# stack_wait_http [PATH]: until http://127.0.0.1:PORT/PATH (default /healthz) answers 200.
stack_wait_http() {
	local path=${1:-/healthz} n=$((STACK_TIMEOUT * 5)) code=000
	while [ $n -gt 0 ]; do
		code=$(curl -s -o /dev/null -w '%{http_code}' --max-time 2 "$STACK_URL$path") || true
		[ "$code" = 200 ] && return 0
		sleep 0.2
		n=$((n - 1))
	done
	stack_err "$STACK_URL$path did not answer 200 within ${STACK_TIMEOUT}s (last status: $code)"
	stack_log_tail "$STACK_LOG/coursemart.log" "$STACK_LOG/nginx-error.log"
	return 1
}

# --- the whole instance --------------------------------------------------------------------------

# stack_start [--fresh-db]: stop whatever of this instance still runs, then PG, database,
# secret, config, migrate, demo, serve, gatewaysim, courier, nginx, and wait for /healthz.
stack_start() {
	local fresh=0
	if [ "$STACK_USERNS" = 1 ]; then
		stack_say "the checkout is private to root: PostgreSQL and nginx run in a user namespace"
	fi
	[ "${1:-}" = --fresh-db ] && fresh=1
	stack_prepare_dirs || return 1
	stack_stop || return 1
	stack_pg_init || return 1
	stack_pg_start || return 1
	if [ $fresh = 1 ]; then
		stack_db_recreate || return 1
	else
		stack_db_create || return 1
	fi
	stack_secret || return 1
	stack_write_conf || return 1
	stack_migrate || return 1
	stack_demo || return 1
	stack_app_start || return 1
	stack_sim_start || return 1
	stack_courier_start || return 1
	if declare -F stack_start_extras >/dev/null; then
		stack_start_extras || return 1
	fi
	stack_nginx_start || return 1
	stack_wait_http /healthz || return 1
	stack_say "'$STACK_NAME' is up at $STACK_URL (logs in $STACK_LOG)"
}

# Stop nginx, the app and PostgreSQL of the current instance; quiet when nothing runs.
stack_stop() {
	local rc=0
	[ -d "$STACK_VAR" ] || return 0
	stack_nginx_stop || rc=1
	stack_procs_stop || rc=1
	stack_app_stop || rc=1
	stack_pg_stop || rc=1
	return $rc
}

# Is this instance (its own nginx and app) running and answering /healthz? Another program on the
# same port does not count.
stack_running() {
	local pid
	[ -f "$STACK_NGINX_DIR/nginx.pid" ] || return 1
	pid=$(tr -dc '0-9' <"$STACK_NGINX_DIR/nginx.pid")
	stack_pid_alive "$pid" "$STACK_NGINX_CONF" || return 1
	stack_app_pid >/dev/null || return 1
	stack_up
}

# Does the port answer /healthz with 200 right now?
stack_up() {
	[ "$(curl -s -o /dev/null -w '%{http_code}' --max-time 2 "$STACK_URL/healthz" 2>/dev/null)" = 200 ]
}
