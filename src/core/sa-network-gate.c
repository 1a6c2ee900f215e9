/* sa-network-gate.c — whether a poller of the back end may ask now
 *
 * The access-request monitor (sa-access-request-monitor.c) and the hand-off
 * watch (journal/sa-watch.c) poll the back end now and then. Both pause while
 * GNetworkMonitor says the network is down, unless the server is on this
 * computer (the training back office, Cisco (practice)), and both wait twice
 * as long after each failure, up to their longest wait. What each does when
 * it pauses or resumes stays with it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "sa-network-gate-private.h"
#include "sa-validate.h"

/**
 * sa_network_gate_follow:
 * @gate: the poller's gate; @gate->monitor may hold the monitor to follow
 *   (a reference), or %NULL for g_network_monitor_get_default()
 * @client: the client whose server the poller asks (its base URI tells
 *   whether the server is on this computer, sa_uri_is_loopback())
 * @on_changed: the poller's "network-changed" handler
 * @instance: its data: the poller
 *
 * Starts following the network, in the poller's constructed(). Read
 * sa_network_gate_is_closed() for its first "paused".
 */
void
sa_network_gate_follow (SaNetworkGate *gate,
                        SaClient      *client,
                        GCallback      on_changed,
                        gpointer       instance)
{
  gate->loopback = sa_uri_is_loopback (sa_client_get_base_uri (client));
  if (gate->monitor == NULL)
    gate->monitor = g_object_ref (g_network_monitor_get_default ());
  gate->handler = g_signal_connect (gate->monitor, "network-changed", on_changed, instance);
}

/**
 * sa_network_gate_is_closed:
 * @gate: a gate that follows the network
 *
 * Returns: %TRUE when the poller must pause: the network is down and the
 *   server is not on this computer
 */
gboolean
sa_network_gate_is_closed (const SaNetworkGate *gate)
{
  gboolean available = gate->monitor == NULL ||
                       g_network_monitor_get_network_available (gate->monitor);

  return !available && !gate->loopback;
}

/**
 * sa_network_gate_clear:
 * @gate: a gate
 *
 * Stops following the network and drops the monitor, in the poller's
 * dispose(). Safe to call twice.
 */
void
sa_network_gate_clear (SaNetworkGate *gate)
{
  if (gate->monitor != NULL)
    g_clear_signal_handler (&gate->handler, gate->monitor);
  g_clear_object (&gate->monitor);
}

/**
 * sa_network_gate_back_off:
 * @current_ms: the wait before this failure, in milliseconds
 * @max_ms: the longest wait, in milliseconds
 *
 * The wait after one more failure: twice as long, up to @max_ms.
 *
 * Returns: the next wait, in milliseconds
 */
guint
sa_network_gate_back_off (guint current_ms,
                          guint max_ms)
{
  return (guint) MIN ((guint64) current_ms * 2, (guint64) max_ms);
}
