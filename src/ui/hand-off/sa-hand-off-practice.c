/* sa-hand-off-practice.c — "Do It in the Practice Portal": the portal's part,
 * played by the sandbox
 *
 * With the Cisco (practice) connection the app talks to the embedded sandbox's
 * Cisco-shaped paths (docs/cisco.md). Nobody can complete a hand-off in
 * Cisco's real portal there, so the training-only practice portal applies the
 * prepared change itself, through the Desk API of the same sandbox, signed in
 * as the trainee (whose data the Cisco reads answer from): the assignment as
 * it would be entered in CCW (DEFAULT for a double-byte Virtual Account), the
 * Smart Account request, the access request. The watch then notices it as it
 * would notice Cisco's portal, so a trainee sees the whole loop offline.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "sa-hand-off-private.h"
#include "sa-sandbox-server.h"
#include "sa-session.h"
#include "sa-ui-util.h"

/**
 * sa_hand_off_dup_practice_uri:
 * @client: the session's client
 *
 * With the Cisco (practice) connection (the GSettings key "mode"), the
 * address of the sandbox whose Cisco-shaped paths @client talks to: the base
 * of its licensing address, on loopback only.
 *
 * Returns: (transfer full) (nullable): the sandbox's base address, or %NULL
 *   with any other connection
 */
char *
sa_hand_off_dup_practice_uri (SaClient *client)
{
  g_autoptr(GUri) uri = NULL;
  const char *licensing;

  g_return_val_if_fail (SA_IS_CLIENT (client), NULL);

  if (!SA_IS_CISCO_CLIENT (client) ||
      g_settings_get_enum (sa_ui_get_settings (), "mode") != SA_CONNECTION_CISCO_PRACTICE)
    return NULL;

  licensing = sa_cisco_api_get_licensing_uri (sa_cisco_client_get_api (SA_CISCO_CLIENT (client)));
  uri = licensing != NULL ? g_uri_parse (licensing, G_URI_FLAGS_NONE, NULL) : NULL;
  if (uri == NULL || !sa_host_is_loopback (g_uri_get_host (uri)) ||
      !g_str_has_suffix (licensing, SA_HAND_OFF_PRACTICE_LICENSING_PATH))
    return NULL;

  return g_strndup (licensing, strlen (licensing) - strlen (SA_HAND_OFF_PRACTICE_LICENSING_PATH));
}

typedef struct
{
  SaClient  *desk;
  GPtrArray *hand_offs;
} PracticeData;

static void
practice_data_free (PracticeData *data)
{
  g_clear_object (&data->desk);
  g_clear_pointer (&data->hand_offs, g_ptr_array_unref);
  g_free (data);
}

static SaHandOff *
first_hand_off (GTask *task)
{
  PracticeData *data = g_task_get_task_data (task);

  return g_ptr_array_index (data->hand_offs, 0);
}

static void
return_result (GTask  *task,
               GError *error)
{
  if (error != NULL)
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

static void
update_assignment_cb (GObject      *source,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(SaOrder) order = NULL;
  GError *error = NULL;

  order = sa_client_update_assignment_finish (SA_CLIENT (source), result, &error);
  return_result (task, error);
}

/* The slot's change as it is entered in CCW: DEFAULT stands in for a
 * double-byte Virtual Account. */
static SaAssignment *
dup_assignment (GTask         *task,
                SaHandOffSlot  slot)
{
  PracticeData *data = g_task_get_task_data (task);

  for (guint i = 0; i < data->hand_offs->len; i++)
    {
      SaHandOff *hand_off = g_ptr_array_index (data->hand_offs, i);

      if (sa_hand_off_get_slot (hand_off) != slot)
        continue;

      return sa_assignment_new (sa_hand_off_get_field (hand_off, SA_HAND_OFF_FIELD_DOMAIN),
                                sa_hand_off_get_field (hand_off, SA_HAND_OFF_FIELD_ACCOUNT_NAME),
                                slot == SA_HAND_OFF_SLOT_HOLDING ? SA_ACCOUNT_TYPE_HOLDING : SA_ACCOUNT_TYPE_CUSTOMER,
                                sa_hand_off_get_account_pending (hand_off) ? SA_ACCOUNT_STATUS_PENDING
                                                                            : SA_ACCOUNT_STATUS_ACTIVE,
                                sa_hand_off_get_field (hand_off, SA_HAND_OFF_FIELD_VIRTUAL_ACCOUNT));
    }

  return NULL;
}

static void
get_order_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(SaOrder) order = NULL;
  g_autoptr(SaAssignment) end_customer = NULL;
  g_autoptr(SaAssignment) holding = NULL;
  GError *error = NULL;

  order = sa_client_get_order_finish (SA_CLIENT (source), result, &error);
  if (order == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  end_customer = dup_assignment (task, SA_HAND_OFF_SLOT_END_CUSTOMER);
  holding = dup_assignment (task, SA_HAND_OFF_SLOT_HOLDING);
  /* Step 9: the terms of use, accepted in the portal. */
  sa_client_update_assignment_async (SA_CLIENT (source), order, end_customer, holding, TRUE,
                                     g_task_get_cancellable (task), update_assignment_cb,
                                     g_object_ref (task));
}

static void
create_account_request_cb (GObject      *source,
                           GAsyncResult *result,
                           gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(SaAccountRequest) request = NULL;
  GError *error = NULL;

  request = sa_client_create_account_request_finish (SA_CLIENT (source), result, &error);
  return_result (task, error);
}

static void
create_access_request_cb (GObject      *source,
                          GAsyncResult *result,
                          gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(SaAccessRequest) request = NULL;
  GError *error = NULL;

  request = sa_client_create_access_request_finish (SA_CLIENT (source), result, NULL, &error);
  return_result (task, error);
}

/* The Desk names accounts by its own ids: the one with the prepared Account
 * Name among the domain's, as the portal's list of several would show. */
static void
find_access_candidates_cb (GObject      *source,
                           GAsyncResult *result,
                           gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  SaHandOff *hand_off = first_hand_off (task);
  const char *name = sa_hand_off_get_field (hand_off, SA_HAND_OFF_FIELD_ACCOUNT_NAME);
  g_autoptr(GListModel) candidates = NULL;
  g_autoptr(SaSmartAccount) chosen = NULL;
  GError *error = NULL;

  candidates = sa_client_find_access_candidates_finish (SA_CLIENT (source), result, &error);
  if (candidates == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  for (guint i = 0; i < g_list_model_get_n_items (candidates); i++)
    {
      g_autoptr(SaSmartAccount) account = g_list_model_get_item (candidates, i);

      if (chosen == NULL || g_strcmp0 (sa_smart_account_get_name (account), name) == 0)
        g_set_object (&chosen, account);
    }

  sa_client_create_access_request_async (SA_CLIENT (source), sa_hand_off_get_subject (hand_off),
                                         chosen != NULL ? sa_smart_account_get_id (chosen) : NULL,
                                         sa_hand_off_get_field (hand_off, SA_HAND_OFF_FIELD_REASON),
                                         g_task_get_cancellable (task), create_access_request_cb,
                                         g_object_ref (task));
}

static void
sign_in_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  SaClient *desk = SA_CLIENT (source);
  SaHandOff *hand_off = first_hand_off (task);
  GCancellable *cancellable = g_task_get_cancellable (task);
  GError *error = NULL;

  if (!sa_client_sign_in_finish (desk, result, &error))
    {
      g_task_return_error (task, error);
      return;
    }

  switch (sa_hand_off_get_procedure (hand_off))
    {
    case SA_HAND_OFF_ASSIGN_ORDER:
    case SA_HAND_OFF_CHANGE_ASSIGNMENT:
      sa_client_get_order_async (desk, sa_hand_off_get_subject (hand_off), cancellable,
                                 get_order_cb, g_steal_pointer (&task));
      break;
    case SA_HAND_OFF_REQUEST_SMART_ACCOUNT:
      sa_client_create_account_request_async (desk,
                                              sa_hand_off_get_field (hand_off, SA_HAND_OFF_FIELD_ACCOUNT_NAME),
                                              sa_hand_off_get_field (hand_off, SA_HAND_OFF_FIELD_CUSTOMER_EMAIL),
                                              sa_hand_off_get_subject (hand_off),
                                              sa_hand_off_get_field (hand_off, SA_HAND_OFF_FIELD_NOTE_TO_CUSTOMER),
                                              sa_hand_off_get_user_emails (hand_off),
                                              sa_hand_off_get_field (hand_off, SA_HAND_OFF_FIELD_NOTE_TO_USERS),
                                              cancellable, create_account_request_cb, g_steal_pointer (&task));
      break;
    case SA_HAND_OFF_REQUEST_ACCESS:
      sa_client_find_access_candidates_async (desk, sa_hand_off_get_subject (hand_off), cancellable,
                                              find_access_candidates_cb, g_steal_pointer (&task));
      break;
    case SA_HAND_OFF_LICENSE_TRANSFER:
    default:
      g_task_return_new_error (task, SA_CLIENT_ERROR, SA_CLIENT_ERROR_NOT_SUPPORTED,
                               "%s", _("The practice portal cannot do this."));
    }
}

/**
 * sa_hand_off_practice_async:
 * @sandbox_uri: the sandbox's base address (sa_hand_off_dup_practice_uri())
 * @hand_offs: (element-type SaHandOff): the prepared hand-offs of one
 *   procedure and subject
 * @cancellable: (nullable): cancels the calls
 * @callback: called once the change is applied or refused
 * @user_data: data for @callback
 *
 * The practice portal: signs in to the sandbox's Desk API as the trainee and
 * applies the prepared change there, as the user would in Cisco's portal —
 * procedures 1 and 2: the order's assignment (PUT …/smart-account-assignment,
 * terms accepted), 3: the Smart Account request, 4: the access request.
 */
void
sa_hand_off_practice_async (const char          *sandbox_uri,
                            GPtrArray           *hand_offs,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  PracticeData *data;

  g_return_if_fail (sandbox_uri != NULL);
  g_return_if_fail (hand_offs != NULL && hand_offs->len > 0);

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, sa_hand_off_practice_async);
  data = g_new0 (PracticeData, 1);
  data->desk = sa_desk_client_new (sandbox_uri);
  data->hand_offs = g_ptr_array_ref (hand_offs);
  g_task_set_task_data (task, data, (GDestroyNotify) practice_data_free);

  sa_client_sign_in_async (data->desk, SA_SANDBOX_TRAINING_USERNAME, SA_SANDBOX_TRAINING_PASSWORD,
                           cancellable, sign_in_cb, g_steal_pointer (&task));
}

/**
 * sa_hand_off_practice_finish:
 * @result: the result given to the callback
 * @error: return location for a #GError, or %NULL
 *
 * Returns: %TRUE once the change is applied on the sandbox; otherwise
 *   %FALSE with the Desk client's %SA_CLIENT_ERROR (show
 *   sa_error_dup_user_message())
 */
gboolean
sa_hand_off_practice_finish (GAsyncResult  *result,
                             GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
