/* sa-access-request-monitor.h — follows pending access requests, notifies decisions
 * (core, GIO only)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "sa-client.h"

G_BEGIN_DECLS

#define SA_ACCESS_REQUEST_MONITOR_DEFAULT_INTERVAL_MS     60000
#define SA_ACCESS_REQUEST_MONITOR_TRAINING_INTERVAL_MS    15000
#define SA_ACCESS_REQUEST_MONITOR_DEFAULT_MAX_INTERVAL_MS 900000

#define SA_TYPE_ACCESS_REQUEST_MONITOR (sa_access_request_monitor_get_type ())
G_DECLARE_FINAL_TYPE (SaAccessRequestMonitor, sa_access_request_monitor, SA, ACCESS_REQUEST_MONITOR, GObject)

/* Properties: "client" (SaClient, construct-only), "network-monitor"
 * (GNetworkMonitor, construct-only), "interval" and "max-interval" (uint,
 * milliseconds), "paused" (boolean, read-only: offline and the server is not
 * on this computer). Signals: "decision" (SaAccessRequest, GNotification),
 * "updated" (GListModel of SaAccessRequest). */
SaAccessRequestMonitor *sa_access_request_monitor_new          (SaClient               *client,
                                                                GNetworkMonitor        *network_monitor);
void                    sa_access_request_monitor_set_interval (SaAccessRequestMonitor *self,
                                                                guint                   interval_ms);
void                    sa_access_request_monitor_feed         (SaAccessRequestMonitor *self,
                                                                GListModel             *requests);
void                    sa_access_request_monitor_stop         (SaAccessRequestMonitor *self);

G_END_DECLS
