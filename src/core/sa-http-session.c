/* sa-http-session.c — the one HTTP session set-up of core's back ends
 *
 * The Desk API client (desk/sa-desk-client.c) and the Cisco API layer
 * (cisco/sa-cisco-api.c) each keep one SoupSession for all their calls, set
 * up the same way: the app's user agent, one timeout for requests and idle
 * connections, no proxy for a server on this computer, and SA_DEBUG_HTTP's
 * minimal log in the caller's debug log.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "sa-http-session-private.h"

/* SA_DEBUG_HTTP output goes to the debug log (of the domain in @user_data),
 * never to stdout. */
static void
log_http (SoupLogger         *logger,
          SoupLoggerLogLevel  level,
          char                direction,
          const char         *data,
          gpointer            user_data)
{
  g_log (user_data, G_LOG_LEVEL_DEBUG, "%c %s", direction, data);
}

/**
 * sa_http_session_new:
 * @timeout_s: seconds before a request, or an idle connection, times out
 *   (0: never)
 * @loopback: whether every server the session talks to is on this computer
 * @log_domain: (not nullable): a static string: the log domain of the
 *   SA_DEBUG_HTTP lines ("sa-core", "sa-cisco")
 *
 * Makes a back end's HTTP session. TLS is verified against the system's
 * trust, always (no accept-certificate handler). With @loopback the session
 * has no proxy resolver: a set http_proxy would be used even for 127.0.0.1,
 * and loopback never goes through a proxy. When SA_DEBUG_HTTP is set, request
 * and status lines go to the debug log: minimal logging, never headers (the
 * bearer token) nor bodies (passwords, secrets).
 *
 * Returns: (transfer full): the new session
 */
SoupSession *
sa_http_session_new (guint       timeout_s,
                     gboolean    loopback,
                     const char *log_domain)
{
  g_autofree char *user_agent = g_strdup_printf ("smart-account-desk/%s", PACKAGE_VERSION);
  SoupSession *session;

  if (loopback)
    session = g_object_new (SOUP_TYPE_SESSION,
                            "proxy-resolver", NULL,
                            "user-agent", user_agent,
                            "timeout", timeout_s,
                            "idle-timeout", timeout_s,
                            NULL);
  else
    session = g_object_new (SOUP_TYPE_SESSION,
                            "user-agent", user_agent,
                            "timeout", timeout_s,
                            "idle-timeout", timeout_s,
                            NULL);

  if (g_getenv ("SA_DEBUG_HTTP") != NULL)
    {
      g_autoptr(SoupLogger) logger = soup_logger_new (SOUP_LOGGER_LOG_MINIMAL);

      soup_logger_set_printer (logger, log_http, (gpointer) log_domain, NULL);
      soup_session_add_feature (session, SOUP_SESSION_FEATURE (logger));
    }

  return session;
}
