/* sa-network-gate-private.h — whether a poller of the back end may ask now:
 * offline pauses it, unless the server is on this computer (the access-request
 * monitor and the hand-off watch share it)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "sa-client.h"

G_BEGIN_DECLS

/**
 * SaNetworkGate:
 * @monitor: the network monitor followed (a reference; set before
 *   sa_network_gate_follow() to follow another than the default)
 * @handler: its "network-changed" handler
 * @loopback: whether the client's server is on this computer: then it is
 *   reachable while the network is down
 *
 * Embedded in a poller's instance struct.
 */
typedef struct
{
  GNetworkMonitor *monitor;
  gulong           handler;
  gboolean         loopback;
} SaNetworkGate;

void     sa_network_gate_follow    (SaNetworkGate       *gate,
                                    SaClient            *client,
                                    GCallback            on_changed,
                                    gpointer             instance);
gboolean sa_network_gate_is_closed (const SaNetworkGate *gate);
void     sa_network_gate_clear     (SaNetworkGate       *gate);
guint    sa_network_gate_back_off  (guint                current_ms,
                                    guint                max_ms);

G_END_DECLS
