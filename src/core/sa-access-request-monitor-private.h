/* sa-access-request-monitor-private.h — the monitor's inner state, for tests
 * only (nothing in the app needs it)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "sa-access-request-monitor.h"

G_BEGIN_DECLS

/* How many of the requests last seen are Pending. */
guint    sa_access_request_monitor_get_n_pending        (SaAccessRequestMonitor *self);
/* Whether a next check is planned. */
gboolean sa_access_request_monitor_get_scheduled        (SaAccessRequestMonitor *self);
/* The wait before the next check, in milliseconds (more after errors). */
guint    sa_access_request_monitor_get_current_interval (SaAccessRequestMonitor *self);
/* Lists the requests at once, then goes on while one is pending. */
void     sa_access_request_monitor_check_now            (SaAccessRequestMonitor *self);

G_END_DECLS
