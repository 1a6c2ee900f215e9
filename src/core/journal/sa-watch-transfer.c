/* sa-watch-transfer.c — the license transfer the watch offers: DEFAULT to the
 * intended double-byte Virtual Account, journaled
 *
 * When DEFAULT stood in for a Virtual Account whose double-byte name the
 * portal does not show (procedures 1 and 2), the watch announces
 * #SaWatch::transfer-ready once the order's licenses are there. The UI shows
 * the plan (sa_watch_plan_transfer()) for confirmation, then calls
 * sa_watch_transfer_async(): the one write the app performs against Cisco,
 * through the boundary (sa_client_transfer_licenses_async()). Its result, or
 * the refusal with Cisco's own words, is kept in the journal.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "sa-error-private.h"
#include "sa-watch-private.h"

/**
 * sa_watch_plan_transfer:
 * @hand_off: an order's hand-off (or a license transfer)
 * @licenses: a #GListModel of #SaLicense in the source Virtual Account, as
 *   #SaWatch::transfer-ready gives them
 *
 * What the transfer moves: for each license and type (PERPETUAL, TERM), the
 * quantity that came from the hand-off's order (details naming another order
 * stay). Details without a type are left out: Cisco needs it. The UI shows
 * these lines in the confirmation, then passes them to
 * sa_watch_transfer_async().
 *
 * Returns: (transfer full) (element-type SaLicenseTransfer): the lines,
 *   possibly none; their strings are freed with the array
 */
GArray *
sa_watch_plan_transfer (SaHandOff  *hand_off,
                        GListModel *licenses)
{
  GArray *plan = g_array_new (FALSE, TRUE, sizeof (SaLicenseTransfer));
  const char *order;

  g_array_set_clear_func (plan, (GDestroyNotify) sa_license_transfer_clear);
  g_return_val_if_fail (SA_IS_HAND_OFF (hand_off), plan);
  g_return_val_if_fail (G_IS_LIST_MODEL (licenses), plan);

  order = sa_hand_off_get_order_number (hand_off);
  for (guint i = 0; order != NULL && i < g_list_model_get_n_items (licenses); i++)
    {
      g_autoptr(SaLicense) license = g_list_model_get_item (licenses, i);
      GListModel *details = sa_license_get_details (license);

      for (guint j = 0; j < g_list_model_get_n_items (details); j++)
        {
          g_autoptr(SaLicenseDetail) detail = g_list_model_get_item (details, j);
          g_autofree char *number = g_strstrip (g_strdup (sa_license_detail_get_order_number (detail) ?
                                                          sa_license_detail_get_order_number (detail) : ""));
          const char *type = sa_license_detail_get_license_type (detail);
          gint64 quantity = sa_license_detail_get_quantity (detail);
          SaLicenseTransfer line = { 0 };
          guint k;

          if (g_strcmp0 (number, order) != 0 || type == NULL || quantity < 1)
            continue;

          for (k = 0; k < plan->len; k++)
            {
              SaLicenseTransfer *known = &g_array_index (plan, SaLicenseTransfer, k);

              if (g_strcmp0 (known->license, sa_license_get_license (license)) == 0 &&
                  g_strcmp0 (known->license_type, type) == 0)
                {
                  known->quantity += quantity;
                  break;
                }
            }
          if (k < plan->len)
            continue;

          line.license = g_strdup (sa_license_get_license (license));
          line.license_type = g_strdup (type);
          line.quantity = quantity;
          g_array_append_val (plan, line);
        }
    }

  return plan;
}

typedef struct
{
  SaHandOff *hand_off;
  GError    *error;
  gint64     quantity;
  char      *names;
} TransferData;

static void
transfer_data_free (gpointer data)
{
  TransferData *transfer = data;

  g_clear_object (&transfer->hand_off);
  g_clear_error (&transfer->error);
  g_free (transfer->names);
  g_free (transfer);
}

static void
transfer_done (GTask *task)
{
  SaWatch *self = g_task_get_source_object (task);
  TransferData *transfer = g_task_get_task_data (task);
  gint64 id = sa_hand_off_get_id (transfer->hand_off);

  g_hash_table_remove (self->busy, &id);
  g_signal_emit_by_name (self, "updated", transfer->hand_off);

  if (transfer->error != NULL)
    g_task_return_error (task, g_error_copy (transfer->error));
  else
    g_task_return_boolean (task, TRUE);
}

static void
on_transfer_state_kept (GObject      *object,
                        GAsyncResult *result,
                        gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;

  if (!sa_journal_update_finish (SA_JOURNAL (object), result, &error))
    g_debug ("Watch: the transfer's state was not kept: %s", error->message);
  transfer_done (task);
}

static void
on_transfer_observation_kept (GObject      *object,
                              GAsyncResult *result,
                              gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  TransferData *transfer = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;

  if (!sa_journal_update_finish (SA_JOURNAL (object), result, &error))
    g_debug ("Watch: the transfer's result was not kept: %s", error->message);

  /* Failed: the user must act (the message says how). Done: followed until
   * the licenses show in the receiving Virtual Account. */
  sa_journal_set_state_async (SA_JOURNAL (object), transfer->hand_off,
                              transfer->error != NULL ? SA_HAND_OFF_STATE_FAILED
                                                      : SA_HAND_OFF_STATE_OBSERVED_PARTLY,
                              NULL, on_transfer_state_kept, g_steal_pointer (&task));
}

static void
on_transferred (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  SaWatch *self = g_task_get_source_object (task);
  TransferData *transfer = g_task_get_task_data (task);
  SaHandOff *hand_off = transfer->hand_off;
  g_autoptr(GDateTime) now = sa_watch_dup_now (self);
  g_autoptr(SaHandOffObservation) observation = NULL;
  g_autoptr(GError) error = NULL;

  if (!sa_client_transfer_licenses_finish (SA_CLIENT (object), result, &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          gint64 id = sa_hand_off_get_id (hand_off);

          g_hash_table_remove (self->busy, &id);
          g_task_return_error (task, g_steal_pointer (&error));
          return;
        }

      /* Cisco's "status": "ERROR" message is quoted in error->message. */
      observation = sa_hand_off_observation_new_full (SA_OBSERVATION_TRANSFER_FAILED, now,
                                                      sa_hand_off_get_field (hand_off, SA_HAND_OFF_FIELD_DOMAIN),
                                                      sa_hand_off_get_field (hand_off, SA_HAND_OFF_FIELD_INTENDED_VIRTUAL_ACCOUNT),
                                                      transfer->quantity, error->message);
      transfer->error = g_steal_pointer (&error);
    }
  else
    observation = sa_hand_off_observation_new_full (SA_OBSERVATION_TRANSFER_DONE, now,
                                                    sa_hand_off_get_field (hand_off, SA_HAND_OFF_FIELD_DOMAIN),
                                                    sa_hand_off_get_field (hand_off, SA_HAND_OFF_FIELD_INTENDED_VIRTUAL_ACCOUNT),
                                                    transfer->quantity, transfer->names);

  /* Kept even if the caller cancels now: the transfer is done or refused. */
  sa_journal_add_observation_async (self->journal, hand_off, observation, NULL,
                                    on_transfer_observation_kept, g_steal_pointer (&task));
}

/**
 * sa_watch_transfer_async:
 * @self: an #SaWatch
 * @hand_off: an order's hand-off whose intended Virtual Account differs from
 *   the one chosen in the portal (sa_hand_off_needs_transfer()), or a license
 *   transfer, in the journal
 * @transfers: (array length=n_transfers): the lines the user confirmed
 *   (sa_watch_plan_transfer())
 * @n_transfers: how many, at least 1
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when done
 * @user_data: data for @callback
 *
 * Moves the licenses from the Virtual Account chosen in the portal (DEFAULT)
 * to the intended one, in the hand-off's Smart Account, through
 * sa_client_transfer_licenses_async() — the double-byte workaround, after the
 * user's confirmation. The result is kept in the journal: a "transfer done"
 * observation (the watch then waits for the licenses to show in the intended
 * Virtual Account before confirming), or a "transfer failed" one with the
 * message, Cisco's own words quoted (state failed; the user may try again).
 */
void
sa_watch_transfer_async (SaWatch                 *self,
                         SaHandOff               *hand_off,
                         const SaLicenseTransfer *transfers,
                         guint                    n_transfers,
                         GCancellable            *cancellable,
                         GAsyncReadyCallback      callback,
                         gpointer                 user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GPtrArray) names = g_ptr_array_new ();
  TransferData *transfer;
  gint64 *id;

  g_return_if_fail (SA_IS_WATCH (self));
  g_return_if_fail (SA_IS_HAND_OFF (hand_off));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, sa_watch_transfer_async);

  if (sa_hand_off_get_id (hand_off) == 0 || !sa_hand_off_needs_transfer (hand_off) ||
      sa_hand_off_get_order_number (hand_off) == NULL)
    {
      g_task_return_error (task, sa_client_error_new (SA_CLIENT_ERROR_INVALID_INPUT,
                                                      "not a hand-off with a transfer"));
      return;
    }

  transfer = g_new0 (TransferData, 1);
  transfer->hand_off = g_object_ref (hand_off);
  for (guint i = 0; transfers != NULL && i < n_transfers; i++)
    {
      transfer->quantity += transfers[i].quantity;
      if (transfers[i].license != NULL)
        g_ptr_array_add (names, transfers[i].license);
    }
  g_ptr_array_add (names, NULL);
  transfer->names = g_strjoinv (", ", (char **) names->pdata);
  g_task_set_task_data (task, transfer, transfer_data_free);

  id = g_new (gint64, 1);
  *id = sa_hand_off_get_id (hand_off);
  g_hash_table_add (self->busy, id);

  sa_client_transfer_licenses_async (self->client,
                                     sa_hand_off_get_field (hand_off, SA_HAND_OFF_FIELD_DOMAIN),
                                     sa_hand_off_get_field (hand_off, SA_HAND_OFF_FIELD_VIRTUAL_ACCOUNT),
                                     sa_hand_off_get_field (hand_off, SA_HAND_OFF_FIELD_INTENDED_VIRTUAL_ACCOUNT),
                                     transfers, n_transfers, cancellable,
                                     on_transferred, g_steal_pointer (&task));
}

/**
 * sa_watch_transfer_finish:
 * @self: an #SaWatch
 * @result: the #GAsyncResult
 * @error: return location for a #GError, or %NULL
 *
 * Returns: %TRUE when the back end accepted the transfer (kept in the
 *   journal); otherwise %FALSE with the error of
 *   sa_client_transfer_licenses_finish() (its message, also kept in the
 *   journal, says what to do: a missing role, Cisco's refusal quoted) or
 *   %SA_CLIENT_ERROR_INVALID_INPUT (not a hand-off with a transfer)
 */
gboolean
sa_watch_transfer_finish (SaWatch       *self,
                          GAsyncResult  *result,
                          GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == sa_watch_transfer_async, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
