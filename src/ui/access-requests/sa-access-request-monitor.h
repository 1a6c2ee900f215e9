/* sa-access-request-monitor.h — follows pending access requests, notifies decisions
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "sa-core.h"

G_BEGIN_DECLS

#define SA_ACCESS_REQUEST_MONITOR_DEFAULT_INTERVAL_MS     60000
#define SA_ACCESS_REQUEST_MONITOR_TRAINING_INTERVAL_MS    15000
#define SA_ACCESS_REQUEST_MONITOR_DEFAULT_MAX_INTERVAL_MS 900000

#define SA_TYPE_ACCESS_REQUEST_MONITOR (sa_access_request_monitor_get_type ())
G_DECLARE_FINAL_TYPE (SaAccessRequestMonitor, sa_access_request_monitor, SA, ACCESS_REQUEST_MONITOR, GObject)

SaAccessRequestMonitor *sa_access_request_monitor_new          (SaClient               *client,
                                                                GNetworkMonitor        *network_monitor);
SaClient               *sa_access_request_monitor_get_client   (SaAccessRequestMonitor *self);
void                    sa_access_request_monitor_set_interval (SaAccessRequestMonitor *self,
                                                                guint                   interval_ms);
guint                   sa_access_request_monitor_get_interval (SaAccessRequestMonitor *self);
void                    sa_access_request_monitor_set_max_interval (SaAccessRequestMonitor *self,
                                                                    guint                   max_interval_ms);
guint                   sa_access_request_monitor_get_current_interval (SaAccessRequestMonitor *self);
gboolean                sa_access_request_monitor_get_paused   (SaAccessRequestMonitor *self);
gboolean                sa_access_request_monitor_get_scheduled (SaAccessRequestMonitor *self);
guint                   sa_access_request_monitor_get_n_pending (SaAccessRequestMonitor *self);
void                    sa_access_request_monitor_check_now    (SaAccessRequestMonitor *self);
void                    sa_access_request_monitor_feed         (SaAccessRequestMonitor *self,
                                                                GListModel             *requests);
void                    sa_access_request_monitor_stop         (SaAccessRequestMonitor *self);

GNotification          *sa_access_request_monitor_build_notification (SaAccessRequest *request);

G_END_DECLS
