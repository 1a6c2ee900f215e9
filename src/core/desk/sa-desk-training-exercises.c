/* sa-desk-training-exercises.c — the sandbox's training controls of issue
 * 14 over the Desk API: export hold (POST /sandbox/orders/{n}/export-hold),
 * devices (GET /sandbox/orders/{n}/serial-numbers, POST /sandbox/devices),
 * the training scenarios (GET /sandbox/scenarios, POST
 * /sandbox/scenarios/{id}/start) and, for trainers, the class (GET
 * /sandbox/class, POST /sandbox/class/reset); declared in sa-desk-training.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "sa-desk-client-private.h"
#include "sa-desk-training.h"
#include "sa-desk-training-private.h"
#include "sa-validate.h"

/* Completes @task with INVALID_INPUT unless @number is a Sales Order No.;
 * returns TRUE then (the task is consumed). */
static gboolean
return_if_bad_order (GTask      *task,
                     const char *number)
{
  GError *error = NULL;

  if (sa_validate_sales_order_number (number, &error))
    return FALSE;
  g_task_return_error (task, error);
  g_object_unref (task);
  return TRUE;
}

/**
 * sa_desk_client_sandbox_set_export_hold_async:
 * @self: an #SaDeskClient
 * @sales_order_number: a full Sales Order No.
 * @hold: %TRUE to put the order on export hold, %FALSE to release it
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when done
 * @user_data: data for @callback
 *
 * Puts an order on export hold or releases it (`POST
 * /sandbox/orders/{n}/export-hold`, sandbox only), so that a trainer can
 * show the troubleshooting case "no export hold blocks the order": a
 * shipped order's licenses arrive once the hold is released.
 */
void
sa_desk_client_sandbox_set_export_hold_async (SaDeskClient        *self,
                                              const char          *sales_order_number,
                                              gboolean             hold,
                                              GCancellable        *cancellable,
                                              GAsyncReadyCallback  callback,
                                              gpointer             user_data)
{
  g_autoptr(JsonBuilder) builder = NULL;
  g_autofree char *escaped = NULL;
  g_autofree char *path = NULL;
  GTask *task;

  g_return_if_fail (SA_IS_DESK_CLIENT (self));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = sa_desk_call_task_new (self, sa_desk_client_sandbox_set_export_hold_async, sa_desk_answer_ok,
                                cancellable, callback, user_data);
  sa_desk_task_get_call (task)->needs_json = FALSE;
  if (return_if_bad_order (task, sales_order_number))
    return;

  builder = json_builder_new_immutable ();
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "exportHold");
  json_builder_add_boolean_value (builder, hold);
  json_builder_end_object (builder);
  escaped = sa_desk_escape (sales_order_number);
  path = g_strconcat ("sandbox/orders/", escaped, "/export-hold", NULL);

  sa_desk_request (self, task, "POST", path, NULL, sa_desk_builder_to_bytes (builder));
}

/**
 * sa_desk_client_sandbox_set_export_hold_finish:
 * @self: an #SaDeskClient
 * @result: the #GAsyncResult
 * @error: return location for a #GError, or %NULL
 *
 * Returns: %TRUE once done; otherwise %FALSE with the errors of
 *   sa_desk_client_sandbox_ship_order_finish(), and %SA_CLIENT_ERROR_NOT_AUTHORIZED
 */
gboolean
sa_desk_client_sandbox_set_export_hold_finish (SaDeskClient  *self,
                                               GAsyncResult  *result,
                                               GError       **error)
{
  g_return_val_if_fail (SA_IS_DESK_CLIENT (self), FALSE);

  return sa_desk_propagate_boolean (self, result, sa_desk_client_sandbox_set_export_hold_async, error);
}

static gboolean
answer_serial_numbers (SaDeskClient  *self,
                       GTask         *task,
                       JsonNode      *root,
                       GError       **error)
{
  g_autoptr(GStrvBuilder) serials = g_strv_builder_new ();
  JsonArray *array = NULL;
  guint i;

  if (!sa_json_read_array (json_node_get_object (root), "serial numbers", "serialNumbers", &array, error))
    return FALSE;
  for (i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *node = json_array_get_element (array, i);
      const char *serial = NULL;
      gboolean registered = FALSE;

      if (!JSON_NODE_HOLDS_OBJECT (node))
        return sa_json_fail_value ("serial numbers", "serialNumbers", error);
      if (!sa_json_read_string (json_node_get_object (node), "serial number", "serialNumber", TRUE, &serial,
                                error) ||
          !sa_json_read_boolean (json_node_get_object (node), "serial number", "registered", FALSE, FALSE,
                                 &registered, error))
        return FALSE;
      if (!registered)
        g_strv_builder_add (serials, serial);
    }

  g_task_return_pointer (task, g_strv_builder_end (serials), (GDestroyNotify) g_strfreev);
  return TRUE;
}

/**
 * sa_desk_client_sandbox_list_serial_numbers_async:
 * @self: an #SaDeskClient
 * @sales_order_number: a full Sales Order No.
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when done
 * @user_data: data for @callback
 *
 * Reads the serial numbers of an order's products (`GET
 * /sandbox/orders/{n}/serial-numbers`, sandbox only), for the "Register a
 * Device" control: the product instance the customer registers carries one.
 */
void
sa_desk_client_sandbox_list_serial_numbers_async (SaDeskClient        *self,
                                                  const char          *sales_order_number,
                                                  GCancellable        *cancellable,
                                                  GAsyncReadyCallback  callback,
                                                  gpointer             user_data)
{
  g_autofree char *escaped = NULL;
  g_autofree char *path = NULL;
  GTask *task;

  g_return_if_fail (SA_IS_DESK_CLIENT (self));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = sa_desk_call_task_new (self, sa_desk_client_sandbox_list_serial_numbers_async, answer_serial_numbers,
                                cancellable, callback, user_data);
  if (return_if_bad_order (task, sales_order_number))
    return;
  escaped = sa_desk_escape (sales_order_number);
  path = g_strconcat ("sandbox/orders/", escaped, "/serial-numbers", NULL);

  sa_desk_request (self, task, "GET", path, NULL, NULL);
}

/**
 * sa_desk_client_sandbox_list_serial_numbers_finish:
 * @self: an #SaDeskClient
 * @result: the #GAsyncResult
 * @error: return location for a #GError, or %NULL
 *
 * Returns: (transfer full) (nullable): the serial numbers of the order's
 *   devices not registered yet (possibly none); or %NULL with
 *   %SA_CLIENT_ERROR_ORDER_NOT_FOUND, %SA_CLIENT_ERROR_NOT_AUTHORIZED,
 *   %SA_CLIENT_ERROR_INVALID_INPUT, %SA_CLIENT_ERROR_NOT_FOUND (not a
 *   sandbox), %SA_CLIENT_ERROR_UNAUTHENTICATED, %SA_CLIENT_ERROR_NETWORK,
 *   %SA_CLIENT_ERROR_TIMEOUT, %SA_CLIENT_ERROR_SERVER_ERROR,
 *   %SA_CLIENT_ERROR_INVALID_RESPONSE or %G_IO_ERROR_CANCELLED
 */
GStrv
sa_desk_client_sandbox_list_serial_numbers_finish (SaDeskClient  *self,
                                                   GAsyncResult  *result,
                                                   GError       **error)
{
  g_return_val_if_fail (SA_IS_DESK_CLIENT (self), NULL);

  return sa_desk_propagate_pointer (self, result, sa_desk_client_sandbox_list_serial_numbers_async, error);
}

static gboolean
answer_device (SaDeskClient  *self,
               GTask         *task,
               JsonNode      *root,
               GError       **error)
{
  gboolean moved = FALSE;

  if (!sa_json_read_boolean (json_node_get_object (root), "device", "orderMoved", TRUE, FALSE, &moved, error))
    return FALSE;

  g_task_return_int (task, moved ? 1 : 0);
  return TRUE;
}

/**
 * sa_desk_client_sandbox_register_device_async:
 * @self: an #SaDeskClient
 * @serial_number: the device's serial number, one of its order's
 * @domain: the End Customer Smart Account's domain
 * @virtual_account: (nullable): its Virtual Account; %NULL: DEFAULT
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when done
 * @user_data: data for @callback
 *
 * Plays the customer registering a device (a product instance) to their
 * Smart Account (`POST /sandbox/devices`, sandbox only). As the update
 * document says, an order parked on a Holding Smart Account then moves to
 * that account by itself, and its licenses follow.
 */
void
sa_desk_client_sandbox_register_device_async (SaDeskClient        *self,
                                              const char          *serial_number,
                                              const char          *domain,
                                              const char          *virtual_account,
                                              GCancellable        *cancellable,
                                              GAsyncReadyCallback  callback,
                                              gpointer             user_data)
{
  g_autoptr(JsonBuilder) builder = NULL;
  GTask *task;

  g_return_if_fail (SA_IS_DESK_CLIENT (self));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = sa_desk_call_task_new (self, sa_desk_client_sandbox_register_device_async, answer_device,
                                cancellable, callback, user_data);
  if (serial_number == NULL || *serial_number == '\0' || domain == NULL || *domain == '\0')
    {
      g_task_return_new_error (task, SA_CLIENT_ERROR, SA_CLIENT_ERROR_INVALID_INPUT, "%s",
                               _("Give the device's serial number and the Smart Account's domain."));
      g_object_unref (task);
      return;
    }

  builder = json_builder_new_immutable ();
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "serialNumber");
  json_builder_add_string_value (builder, serial_number);
  json_builder_set_member_name (builder, "domain");
  json_builder_add_string_value (builder, domain);
  if (virtual_account != NULL)
    {
      json_builder_set_member_name (builder, "virtualAccount");
      json_builder_add_string_value (builder, virtual_account);
    }
  json_builder_end_object (builder);

  sa_desk_request (self, task, "POST", "sandbox/devices", NULL, sa_desk_builder_to_bytes (builder));
}

/**
 * sa_desk_client_sandbox_register_device_finish:
 * @self: an #SaDeskClient
 * @result: the #GAsyncResult
 * @order_moved: (out) (optional): whether the order moved to the account
 * @error: return location for a #GError, or %NULL
 *
 * Returns: %TRUE once registered; otherwise %FALSE with
 *   %SA_CLIENT_ERROR_VALIDATION_FAILED (no order has this serial number),
 *   %SA_CLIENT_ERROR_SMART_ACCOUNT_NOT_FOUND, %SA_CLIENT_ERROR_WRONG_ACCOUNT_TYPE,
 *   %SA_CLIENT_ERROR_VIRTUAL_ACCOUNT_NOT_FOUND, %SA_CLIENT_ERROR_DUPLICATE_REQUEST
 *   (already registered), %SA_CLIENT_ERROR_INVALID_INPUT,
 *   %SA_CLIENT_ERROR_NOT_FOUND (not a sandbox), %SA_CLIENT_ERROR_UNAUTHENTICATED,
 *   %SA_CLIENT_ERROR_NETWORK, %SA_CLIENT_ERROR_TIMEOUT,
 *   %SA_CLIENT_ERROR_SERVER_ERROR, %SA_CLIENT_ERROR_INVALID_RESPONSE or
 *   %G_IO_ERROR_CANCELLED
 */
gboolean
sa_desk_client_sandbox_register_device_finish (SaDeskClient  *self,
                                               GAsyncResult  *result,
                                               gboolean      *order_moved,
                                               GError       **error)
{
  gssize moved;

  g_return_val_if_fail (SA_IS_DESK_CLIENT (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == sa_desk_client_sandbox_register_device_async,
                        FALSE);

  moved = g_task_propagate_int (G_TASK (result), error);
  if (moved < 0)
    return FALSE;
  if (order_moved != NULL)
    *order_moved = moved == 1;

  return TRUE;
}

static gpointer
parse_scenario (JsonObject  *object,
                GError     **error)
{
  return sa_training_scenario_new_from_json (object, error);
}

static gpointer
parse_trainee (JsonObject  *object,
               GError     **error)
{
  return sa_trainee_progress_new_from_json (object, error);
}

static const SaDeskListSpec scenario_list = { "scenarios", sa_training_scenario_get_type, parse_scenario };
static const SaDeskListSpec class_list = { "trainees", sa_trainee_progress_get_type, parse_trainee };

/**
 * sa_desk_client_sandbox_list_scenarios_async:
 * @self: an #SaDeskClient
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when done
 * @user_data: data for @callback
 *
 * Lists the training scenarios with the user's progress (`GET
 * /sandbox/scenarios`, sandbox only). Reading it checks the goal of the
 * current scenario on the server's state: the Training Scenarios view polls
 * it to notice a completion.
 */
void
sa_desk_client_sandbox_list_scenarios_async (SaDeskClient        *self,
                                             GCancellable        *cancellable,
                                             GAsyncReadyCallback  callback,
                                             gpointer             user_data)
{
  g_return_if_fail (SA_IS_DESK_CLIENT (self));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  sa_desk_request (self, sa_desk_list_task_new (self, sa_desk_client_sandbox_list_scenarios_async, &scenario_list,
                                                cancellable, callback, user_data),
                   "GET", "sandbox/scenarios", NULL, NULL);
}

/**
 * sa_desk_client_sandbox_list_scenarios_finish:
 * @self: an #SaDeskClient
 * @result: the #GAsyncResult
 * @error: return location for a #GError, or %NULL
 *
 * Returns: (transfer full) (nullable): the #SaTrainingScenario items; or
 *   %NULL with %SA_CLIENT_ERROR_NOT_FOUND (not a sandbox),
 *   %SA_CLIENT_ERROR_UNAUTHENTICATED, %SA_CLIENT_ERROR_NETWORK,
 *   %SA_CLIENT_ERROR_TIMEOUT, %SA_CLIENT_ERROR_SERVER_ERROR,
 *   %SA_CLIENT_ERROR_INVALID_RESPONSE or %G_IO_ERROR_CANCELLED
 */
GListModel *
sa_desk_client_sandbox_list_scenarios_finish (SaDeskClient  *self,
                                              GAsyncResult  *result,
                                              GError       **error)
{
  g_return_val_if_fail (SA_IS_DESK_CLIENT (self), NULL);

  return sa_desk_propagate_pointer (self, result, sa_desk_client_sandbox_list_scenarios_async, error);
}

static gboolean
scenario_id_is_valid (const char *id)
{
  const char *p;

  if (id == NULL || *id == '\0' || strlen (id) > 48)
    return FALSE;
  for (p = id; *p != '\0'; p++)
    if (!g_ascii_islower (*p) && !g_ascii_isdigit (*p) && *p != '-')
      return FALSE;

  return TRUE;
}

/**
 * sa_desk_client_sandbox_start_scenario_async:
 * @self: an #SaDeskClient
 * @scenario_id: the scenario's id ("assign-new-order")
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when done
 * @user_data: data for @callback
 *
 * Starts or restarts a training scenario (`POST
 * /sandbox/scenarios/{id}/start`, sandbox only): the user's sandbox data is
 * put in the scenario's starting state, and one more attempt is counted.
 */
void
sa_desk_client_sandbox_start_scenario_async (SaDeskClient        *self,
                                             const char          *scenario_id,
                                             GCancellable        *cancellable,
                                             GAsyncReadyCallback  callback,
                                             gpointer             user_data)
{
  g_autofree char *path = NULL;
  GTask *task;

  g_return_if_fail (SA_IS_DESK_CLIENT (self));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = sa_desk_object_task_new (self, sa_desk_client_sandbox_start_scenario_async, parse_scenario,
                                  cancellable, callback, user_data);
  if (!scenario_id_is_valid (scenario_id))
    {
      g_task_return_new_error (task, SA_CLIENT_ERROR, SA_CLIENT_ERROR_INVALID_INPUT, "%s",
                               _("This is not a training scenario."));
      g_object_unref (task);
      return;
    }
  path = g_strconcat ("sandbox/scenarios/", scenario_id, "/start", NULL);

  sa_desk_request (self, task, "POST", path, NULL, NULL);
}

/**
 * sa_desk_client_sandbox_start_scenario_finish:
 * @self: an #SaDeskClient
 * @result: the #GAsyncResult
 * @error: return location for a #GError, or %NULL
 *
 * Returns: (transfer full) (nullable): the scenario, started; or %NULL with
 *   %SA_CLIENT_ERROR_NOT_FOUND (no such scenario, or not a sandbox),
 *   %SA_CLIENT_ERROR_INVALID_INPUT and the errors of
 *   sa_desk_client_sandbox_list_scenarios_finish()
 */
SaTrainingScenario *
sa_desk_client_sandbox_start_scenario_finish (SaDeskClient  *self,
                                              GAsyncResult  *result,
                                              GError       **error)
{
  g_return_val_if_fail (SA_IS_DESK_CLIENT (self), NULL);

  return sa_desk_propagate_pointer (self, result, sa_desk_client_sandbox_start_scenario_async, error);
}

/**
 * sa_desk_client_sandbox_get_class_async:
 * @self: an #SaDeskClient
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when done
 * @user_data: data for @callback
 *
 * Reads every user's progress through the training scenarios (`GET
 * /sandbox/class`, trainers only): the Class view polls it.
 */
void
sa_desk_client_sandbox_get_class_async (SaDeskClient        *self,
                                        GCancellable        *cancellable,
                                        GAsyncReadyCallback  callback,
                                        gpointer             user_data)
{
  g_return_if_fail (SA_IS_DESK_CLIENT (self));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  sa_desk_request (self, sa_desk_list_task_new (self, sa_desk_client_sandbox_get_class_async, &class_list,
                                                cancellable, callback, user_data),
                   "GET", "sandbox/class", NULL, NULL);
}

/**
 * sa_desk_client_sandbox_get_class_finish:
 * @self: an #SaDeskClient
 * @result: the #GAsyncResult
 * @error: return location for a #GError, or %NULL
 *
 * Returns: (transfer full) (nullable): the #SaTraineeProgress items; or
 *   %NULL with %SA_CLIENT_ERROR_NOT_AUTHORIZED (not a trainer) and the
 *   errors of sa_desk_client_sandbox_list_scenarios_finish()
 */
GListModel *
sa_desk_client_sandbox_get_class_finish (SaDeskClient  *self,
                                         GAsyncResult  *result,
                                         GError       **error)
{
  g_return_val_if_fail (SA_IS_DESK_CLIENT (self), NULL);

  return sa_desk_propagate_pointer (self, result, sa_desk_client_sandbox_get_class_async, error);
}

/**
 * sa_desk_client_sandbox_reset_class_async:
 * @self: an #SaDeskClient
 * @scenario_id: the scenario whose start to reset to
 * @trainee: (nullable): one trainee's user name; %NULL: the whole class
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when done
 * @user_data: data for @callback
 *
 * Puts one trainee, or every trainee, at the start of a scenario (`POST
 * /sandbox/class/reset`, trainers only).
 */
void
sa_desk_client_sandbox_reset_class_async (SaDeskClient        *self,
                                          const char          *scenario_id,
                                          const char          *trainee,
                                          GCancellable        *cancellable,
                                          GAsyncReadyCallback  callback,
                                          gpointer             user_data)
{
  g_autoptr(JsonBuilder) builder = NULL;
  GTask *task;

  g_return_if_fail (SA_IS_DESK_CLIENT (self));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = sa_desk_call_task_new (self, sa_desk_client_sandbox_reset_class_async, sa_desk_answer_ok,
                                cancellable, callback, user_data);
  sa_desk_task_get_call (task)->needs_json = FALSE;
  if (!scenario_id_is_valid (scenario_id))
    {
      g_task_return_new_error (task, SA_CLIENT_ERROR, SA_CLIENT_ERROR_INVALID_INPUT, "%s",
                               _("This is not a training scenario."));
      g_object_unref (task);
      return;
    }

  builder = json_builder_new_immutable ();
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "scenario");
  json_builder_add_string_value (builder, scenario_id);
  if (trainee != NULL)
    {
      json_builder_set_member_name (builder, "trainee");
      json_builder_add_string_value (builder, trainee);
    }
  json_builder_end_object (builder);

  sa_desk_request (self, task, "POST", "sandbox/class/reset", NULL, sa_desk_builder_to_bytes (builder));
}

/**
 * sa_desk_client_sandbox_reset_class_finish:
 * @self: an #SaDeskClient
 * @result: the #GAsyncResult
 * @error: return location for a #GError, or %NULL
 *
 * Returns: %TRUE once reset; otherwise %FALSE with
 *   %SA_CLIENT_ERROR_NOT_AUTHORIZED (not a trainer), %SA_CLIENT_ERROR_NOT_FOUND
 *   (no such scenario or trainee), %SA_CLIENT_ERROR_INVALID_INPUT and the
 *   errors of sa_desk_client_sandbox_list_scenarios_finish()
 */
gboolean
sa_desk_client_sandbox_reset_class_finish (SaDeskClient  *self,
                                           GAsyncResult  *result,
                                           GError       **error)
{
  g_return_val_if_fail (SA_IS_DESK_CLIENT (self), FALSE);

  return sa_desk_propagate_boolean (self, result, sa_desk_client_sandbox_reset_class_async, error);
}
