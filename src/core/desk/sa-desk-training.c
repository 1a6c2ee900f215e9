/* sa-desk-training.c — the sandbox's training controls over the Desk API
 * (POST /sandbox/reset, /sandbox/orders/{n}/ship, /sandbox/clock,
 * /sandbox/account-requests/{id}/accept, /sandbox/access-requests/{id}/decide;
 * issue 14's are in sa-desk-training-exercises.c)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "sa-desk-client-private.h"
#include "sa-desk-training.h"
#include "sa-validate.h"

static void
sandbox_post (SaDeskClient        *self,
              gpointer             source_tag,
              const char          *path,
              GCancellable        *cancellable,
              GAsyncReadyCallback  callback,
              gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  task = sa_desk_call_task_new (self, source_tag, sa_desk_answer_ok,
                                cancellable, callback, user_data);
  sa_desk_task_get_call (task)->needs_json = FALSE;

  sa_desk_request (self, g_steal_pointer (&task), "POST", path, NULL, NULL);
}

/**
 * sa_desk_client_sandbox_reset_async:
 * @self: an #SaDeskClient
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when done
 * @user_data: data for @callback
 *
 * Reloads the training data (`POST /sandbox/reset`, sandbox only): the
 * training menu's "start over", and the tests' clean slate.
 */
void
sa_desk_client_sandbox_reset_async (SaDeskClient        *self,
                                    GCancellable        *cancellable,
                                    GAsyncReadyCallback  callback,
                                    gpointer             user_data)
{
  g_return_if_fail (SA_IS_DESK_CLIENT (self));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  sandbox_post (self, sa_desk_client_sandbox_reset_async, "sandbox/reset",
                cancellable, callback, user_data);
}

/**
 * sa_desk_client_sandbox_reset_finish:
 * @self: an #SaDeskClient
 * @result: the #GAsyncResult
 * @error: return location for a #GError, or %NULL
 *
 * Returns: %TRUE once reset; otherwise %FALSE with
 *   %SA_CLIENT_ERROR_UNAUTHENTICATED, %SA_CLIENT_ERROR_NOT_FOUND (not a
 *   sandbox), %SA_CLIENT_ERROR_NETWORK, %SA_CLIENT_ERROR_TIMEOUT,
 *   %SA_CLIENT_ERROR_SERVER_ERROR, %SA_CLIENT_ERROR_INVALID_RESPONSE or
 *   %G_IO_ERROR_CANCELLED
 */
gboolean
sa_desk_client_sandbox_reset_finish (SaDeskClient  *self,
                                     GAsyncResult  *result,
                                     GError       **error)
{
  g_return_val_if_fail (SA_IS_DESK_CLIENT (self), FALSE);

  return sa_desk_propagate_boolean (self, result, sa_desk_client_sandbox_reset_async, error);
}

/**
 * sa_desk_client_sandbox_ship_order_async:
 * @self: an #SaDeskClient
 * @sales_order_number: a full Sales Order No.
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when done
 * @user_data: data for @callback
 *
 * Makes an order SHIPPED (`POST /sandbox/orders/{n}/ship`, sandbox only), so a
 * trainee can see that a shipped order's assignment can no longer change.
 */
void
sa_desk_client_sandbox_ship_order_async (SaDeskClient        *self,
                                         const char          *sales_order_number,
                                         GCancellable        *cancellable,
                                         GAsyncReadyCallback  callback,
                                         gpointer             user_data)
{
  g_autofree char *escaped = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;

  g_return_if_fail (SA_IS_DESK_CLIENT (self));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  if (!sa_validate_sales_order_number (sales_order_number, &error))
    {
      g_autoptr(GTask) task = g_task_new (self, cancellable, callback, user_data);

      g_task_set_source_tag (task, sa_desk_client_sandbox_ship_order_async);
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  escaped = sa_desk_escape (sales_order_number);
  path = g_strconcat ("sandbox/orders/", escaped, "/ship", NULL);

  sandbox_post (self, sa_desk_client_sandbox_ship_order_async, path,
                cancellable, callback, user_data);
}

/**
 * sa_desk_client_sandbox_ship_order_finish:
 * @self: an #SaDeskClient
 * @result: the #GAsyncResult
 * @error: return location for a #GError, or %NULL
 *
 * Returns: %TRUE once shipped; otherwise %FALSE with
 *   %SA_CLIENT_ERROR_ORDER_NOT_FOUND, %SA_CLIENT_ERROR_INVALID_INPUT,
 *   %SA_CLIENT_ERROR_UNAUTHENTICATED, %SA_CLIENT_ERROR_NETWORK,
 *   %SA_CLIENT_ERROR_TIMEOUT, %SA_CLIENT_ERROR_SERVER_ERROR or
 *   %G_IO_ERROR_CANCELLED
 */
gboolean
sa_desk_client_sandbox_ship_order_finish (SaDeskClient  *self,
                                          GAsyncResult  *result,
                                          GError       **error)
{
  g_return_val_if_fail (SA_IS_DESK_CLIENT (self), FALSE);

  return sa_desk_propagate_boolean (self, result, sa_desk_client_sandbox_ship_order_async, error);
}

/**
 * sa_desk_client_sandbox_accept_account_request_async:
 * @self: an #SaDeskClient
 * @account_request_id: the Smart Account request's id ("AR-000001")
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when done
 * @user_data: data for @callback
 *
 * Plays the customer accepting a Smart Account request
 * (`POST /sandbox/account-requests/{id}/accept`, sandbox only): the request and
 * its Smart Account become Active, as when the customer accepts the e-mail of
 * procedure 3.
 */
void
sa_desk_client_sandbox_accept_account_request_async (SaDeskClient        *self,
                                                     const char          *account_request_id,
                                                     GCancellable        *cancellable,
                                                     GAsyncReadyCallback  callback,
                                                     gpointer             user_data)
{
  GTask *task;

  g_return_if_fail (SA_IS_DESK_CLIENT (self));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = sa_desk_object_task_new (self, sa_desk_client_sandbox_accept_account_request_async,
                                  sa_desk_parse_account_request, cancellable, callback, user_data);

  sa_desk_post_on_id (self, task, "sandbox/account-requests/", account_request_id, "/accept", NULL);
}

/**
 * sa_desk_client_sandbox_accept_account_request_finish:
 * @self: an #SaDeskClient
 * @result: the #GAsyncResult
 * @error: return location for a #GError, or %NULL
 *
 * Returns: (transfer full) (nullable): the accepted request; or %NULL with
 *   %SA_CLIENT_ERROR_REQUEST_NOT_PENDING (expired or already accepted),
 *   %SA_CLIENT_ERROR_ACCOUNT_REQUEST_NOT_FOUND, %SA_CLIENT_ERROR_INVALID_INPUT,
 *   %SA_CLIENT_ERROR_NOT_FOUND (not a sandbox), %SA_CLIENT_ERROR_UNAUTHENTICATED,
 *   %SA_CLIENT_ERROR_NETWORK, %SA_CLIENT_ERROR_TIMEOUT,
 *   %SA_CLIENT_ERROR_SERVER_ERROR, %SA_CLIENT_ERROR_INVALID_RESPONSE or
 *   %G_IO_ERROR_CANCELLED
 */
SaAccountRequest *
sa_desk_client_sandbox_accept_account_request_finish (SaDeskClient  *self,
                                                      GAsyncResult  *result,
                                                      GError       **error)
{
  g_return_val_if_fail (SA_IS_DESK_CLIENT (self), NULL);

  return sa_desk_propagate_pointer (self, result,
                                    sa_desk_client_sandbox_accept_account_request_async, error);
}

static gboolean
answer_clock (SaDeskClient  *self,
              GTask         *task,
              JsonNode      *root,
              GError       **error)
{
  GDateTime *now = NULL;

  if (!sa_json_read_date (json_node_get_object (root), "clock", "now", TRUE, &now, error))
    return FALSE;

  g_task_return_pointer (task, now, (GDestroyNotify) g_date_time_unref);
  return TRUE;
}

/**
 * sa_desk_client_sandbox_advance_clock_async:
 * @self: an #SaDeskClient
 * @days: days to move the sandbox clock forward, 0 to 3650
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when done
 * @user_data: data for @callback
 *
 * Moves the sandbox clock forward (`POST /sandbox/clock`, sandbox only), so
 * that a trainee can see a Smart Account request expire after 90 days, or a
 * reminder become possible again after 24 hours.
 */
void
sa_desk_client_sandbox_advance_clock_async (SaDeskClient        *self,
                                            guint                days,
                                            GCancellable        *cancellable,
                                            GAsyncReadyCallback  callback,
                                            gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(JsonBuilder) builder = NULL;
  g_autoptr(GBytes) body = NULL;

  g_return_if_fail (SA_IS_DESK_CLIENT (self));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = sa_desk_call_task_new (self, sa_desk_client_sandbox_advance_clock_async, answer_clock,
                                cancellable, callback, user_data);

  if (days > 3650)
    {
      g_task_return_new_error (task, SA_CLIENT_ERROR, SA_CLIENT_ERROR_INVALID_INPUT,
                               "%s", _("The clock can move forward by at most 3650 days."));
      return;
    }

  builder = json_builder_new_immutable ();
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "advanceDays");
  json_builder_add_int_value (builder, days);
  json_builder_end_object (builder);
  body = sa_desk_builder_to_bytes (builder);

  sa_desk_request (self, g_steal_pointer (&task), "POST", "sandbox/clock", NULL,
                   g_steal_pointer (&body));
}

/**
 * sa_desk_client_sandbox_advance_clock_finish:
 * @self: an #SaDeskClient
 * @result: the #GAsyncResult
 * @error: return location for a #GError, or %NULL
 *
 * Returns: (transfer full) (nullable): the sandbox's new "now" (UTC); or
 *   %NULL with %SA_CLIENT_ERROR_INVALID_INPUT, %SA_CLIENT_ERROR_NOT_FOUND (not
 *   a sandbox), %SA_CLIENT_ERROR_UNAUTHENTICATED, %SA_CLIENT_ERROR_NETWORK,
 *   %SA_CLIENT_ERROR_TIMEOUT, %SA_CLIENT_ERROR_SERVER_ERROR,
 *   %SA_CLIENT_ERROR_INVALID_RESPONSE or %G_IO_ERROR_CANCELLED
 */
GDateTime *
sa_desk_client_sandbox_advance_clock_finish (SaDeskClient  *self,
                                             GAsyncResult  *result,
                                             GError       **error)
{
  g_return_val_if_fail (SA_IS_DESK_CLIENT (self), NULL);

  return sa_desk_propagate_pointer (self, result, sa_desk_client_sandbox_advance_clock_async, error);
}

/**
 * sa_desk_client_sandbox_get_clock_async:
 * @self: an #SaDeskClient
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when done
 * @user_data: data for @callback
 *
 * Reads the sandbox clock (`GET /sandbox/clock`, sandbox only): "now" for
 * the training data, to compare with request dates (days left, whether a
 * reminder may be sent: sa_access_request_can_remind()).
 */
void
sa_desk_client_sandbox_get_clock_async (SaDeskClient        *self,
                                        GCancellable        *cancellable,
                                        GAsyncReadyCallback  callback,
                                        gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (SA_IS_DESK_CLIENT (self));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = sa_desk_call_task_new (self, sa_desk_client_sandbox_get_clock_async, answer_clock,
                                cancellable, callback, user_data);

  sa_desk_request (self, g_steal_pointer (&task), "GET", "sandbox/clock", NULL, NULL);
}

/**
 * sa_desk_client_sandbox_get_clock_finish:
 * @self: an #SaDeskClient
 * @result: the #GAsyncResult
 * @error: return location for a #GError, or %NULL
 *
 * Returns: (transfer full) (nullable): the sandbox's "now" (UTC); or %NULL
 *   with the errors of sa_desk_client_sandbox_advance_clock_finish()
 */
GDateTime *
sa_desk_client_sandbox_get_clock_finish (SaDeskClient  *self,
                                         GAsyncResult  *result,
                                         GError       **error)
{
  g_return_val_if_fail (SA_IS_DESK_CLIENT (self), NULL);

  return sa_desk_propagate_pointer (self, result, sa_desk_client_sandbox_get_clock_async, error);
}

/**
 * sa_desk_client_sandbox_decide_access_request_async:
 * @self: an #SaDeskClient
 * @access_request_id: the access request's id ("XR-000001")
 * @approve: %TRUE to approve, %FALSE to deny
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when done
 * @user_data: data for @callback
 *
 * Plays the Smart Account's administrator deciding an access request
 * (`POST /sandbox/access-requests/{id}/decide`, sandbox only), the step of
 * procedure 4 that happens outside the app. Once approved, the account
 * appears in the user's Smart Account search.
 */
void
sa_desk_client_sandbox_decide_access_request_async (SaDeskClient        *self,
                                                    const char          *access_request_id,
                                                    gboolean             approve,
                                                    GCancellable        *cancellable,
                                                    GAsyncReadyCallback  callback,
                                                    gpointer             user_data)
{
  g_autoptr(JsonBuilder) builder = NULL;
  g_autoptr(GBytes) body = NULL;
  GTask *task;

  g_return_if_fail (SA_IS_DESK_CLIENT (self));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = sa_desk_object_task_new (self, sa_desk_client_sandbox_decide_access_request_async,
                                  sa_desk_parse_access_request, cancellable, callback, user_data);

  builder = json_builder_new_immutable ();
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "decision");
  json_builder_add_string_value (builder, approve ? "approve" : "deny");
  json_builder_end_object (builder);
  body = sa_desk_builder_to_bytes (builder);

  sa_desk_post_on_id (self, task, "sandbox/access-requests/", access_request_id, "/decide", body);
}

/**
 * sa_desk_client_sandbox_decide_access_request_finish:
 * @self: an #SaDeskClient
 * @result: the #GAsyncResult
 * @error: return location for a #GError, or %NULL
 *
 * Returns: (transfer full) (nullable): the decided access request; or %NULL
 *   with %SA_CLIENT_ERROR_REQUEST_NOT_PENDING,
 *   %SA_CLIENT_ERROR_ACCESS_REQUEST_NOT_FOUND, %SA_CLIENT_ERROR_INVALID_INPUT,
 *   %SA_CLIENT_ERROR_NOT_FOUND (not a sandbox), %SA_CLIENT_ERROR_UNAUTHENTICATED,
 *   %SA_CLIENT_ERROR_NETWORK, %SA_CLIENT_ERROR_TIMEOUT,
 *   %SA_CLIENT_ERROR_SERVER_ERROR, %SA_CLIENT_ERROR_INVALID_RESPONSE or
 *   %G_IO_ERROR_CANCELLED
 */
SaAccessRequest *
sa_desk_client_sandbox_decide_access_request_finish (SaDeskClient  *self,
                                                     GAsyncResult  *result,
                                                     GError       **error)
{
  g_return_val_if_fail (SA_IS_DESK_CLIENT (self), NULL);

  return sa_desk_propagate_pointer (self, result,
                                    sa_desk_client_sandbox_decide_access_request_async, error);
}
