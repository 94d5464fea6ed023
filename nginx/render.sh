#!/bin/sh
# Renders nginx.conf.template to stdout. Used by make up (local), the nginx container and tests.
#   ACTIVE_POOL       blue|green: the primary; the other pool is the backup (default blue)
#   BLUE_UPSTREAM     blue's host:port  (default 127.0.0.1:8081)
#   GREEN_UPSTREAM    green's host:port (default 127.0.0.1:8082)
#   NGINX_LISTEN      what Nginx listens on (default 127.0.0.1:8080)
#   NGINX_RUN_DIR     pid file, error log and temp files go here (default /tmp/nginx)
#   ERROR_LOG         Nginx's error log, or stderr (default $NGINX_RUN_DIR/error.log)
#   ACCESS_LOG        the access log the watcher reads (default $NGINX_RUN_DIR/access.log)
#   LOG_FORMAT_FILE   absolute path of access-log-format.conf (default: beside this script)
set -eu
here=$(cd "$(dirname "$0")" && pwd)
pool=${ACTIVE_POOL:-blue}
blue=${BLUE_UPSTREAM:-127.0.0.1:8081}
green=${GREEN_UPSTREAM:-127.0.0.1:8082}
listen=${NGINX_LISTEN:-127.0.0.1:8080}
run_dir=${NGINX_RUN_DIR:-/tmp/nginx}
access_log=${ACCESS_LOG:-$run_dir/access.log}
error_log=${ERROR_LOG:-$run_dir/error.log}
format_file=${LOG_FORMAT_FILE:-$here/access-log-format.conf}

case "$pool" in
  blue) primary=$blue backup=$green ;;
  green) primary=$green backup=$blue ;;
  *) echo "render.sh: invalid ACTIVE_POOL '$pool': must be blue or green" >&2; exit 2 ;;
esac
for value in "$primary" "$backup" "$listen" "$run_dir" "$access_log" "$error_log" "$format_file"; do
  case "$value" in
    *[!A-Za-z0-9._:/-]*) echo "render.sh: unsafe value '$value' (letters, digits, . _ : / - only)" >&2; exit 2 ;;
  esac
done

sed -e "s|@PRIMARY@|$primary|g" -e "s|@BACKUP@|$backup|g" -e "s|@LISTEN@|$listen|g" \
  -e "s|@PID_FILE@|$run_dir/nginx.pid|g" -e "s|@ERROR_LOG@|$error_log|g" \
  -e "s|@TEMP_DIR@|$run_dir/tmp|g" -e "s|@ACCESS_LOG@|$access_log|g" \
  -e "s|@LOG_FORMAT_FILE@|$format_file|g" "$here/nginx.conf.template"
