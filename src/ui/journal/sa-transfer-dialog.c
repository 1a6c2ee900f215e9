/* sa-transfer-dialog.c — "Move Licenses…": the DEFAULT → intended Virtual
 * Account transfer, confirmed, made, its result shown
 *
 * Issue 10, the double-byte Virtual Account: the hand-off told the user to
 * pick DEFAULT in the portal; once the watch sees the licenses there, the
 * entry offers to move them with Cisco's license transfer API, "after a
 * confirmation that names licenses, quantities and both Virtual Accounts";
 * the result, or Cisco's `status: "ERROR"` message (a missing role named),
 * is shown and journaled (sa_watch_transfer_async() keeps it).
 *
 * The steps: the order's licenses read again (sa_client_find_licenses_by_order
 * _async(), those still in the source Virtual Account), the plan
 * (sa_watch_plan_transfer()), the confirmation (AdwMessageDialog, responses
 * "cancel" and "move"), the transfer, then a dialog with the result.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "sa-transfer-dialog.h"
#include "sa-ui-util.h"

typedef struct
{
  GtkWidget *parent;
  SaWatch   *watch;
  SaHandOff *hand_off;
  GArray    *plan;
} TransferRun;

static void
transfer_run_free (TransferRun *run)
{
  g_clear_object (&run->parent);
  g_clear_object (&run->watch);
  g_clear_object (&run->hand_off);
  g_clear_pointer (&run->plan, g_array_unref);
  g_free (run);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TransferRun, transfer_run_free)

static GtkWindow *
parent_window (TransferRun *run)
{
  GtkRoot *root = gtk_widget_get_root (run->parent);

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

static void
show_message (TransferRun *run,
              const char  *heading,
              const char  *body)
{
  GtkWidget *dialog = adw_message_dialog_new (parent_window (run), heading, body);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static const char *
type_label (const char *type)
{
  if (g_strcmp0 (type, "PERPETUAL") == 0)
    return _("perpetual");
  if (g_strcmp0 (type, "TERM") == 0)
    return _("term");
  return type;
}

/**
 * sa_transfer_dialog_dup_body:
 * @hand_off: an order's hand-off needing the transfer
 * @plan: (element-type SaLicenseTransfer): the lines of
 *   sa_watch_plan_transfer()
 *
 * The confirmation's text: each license with its type and quantity, the
 * Smart Account and both Virtual Accounts.
 *
 * Returns: (transfer full): the translated text
 */
char *
sa_transfer_dialog_dup_body (SaHandOff *hand_off,
                             GArray    *plan)
{
  g_autoptr(GString) body = g_string_new (NULL);
  const char *account = sa_hand_off_get_field (hand_off, SA_HAND_OFF_FIELD_ACCOUNT_NAME);

  if (account == NULL || *account == '\0')
    account = sa_hand_off_get_field (hand_off, SA_HAND_OFF_FIELD_DOMAIN);

  /* Translators: %s: Virtual Account (DEFAULT), Virtual Account, Smart Account */
  g_string_append_printf (body, _("From Virtual Account %s to Virtual Account %s, in the Smart Account %s:"),
                          sa_hand_off_get_field (hand_off, SA_HAND_OFF_FIELD_VIRTUAL_ACCOUNT),
                          sa_hand_off_get_field (hand_off, SA_HAND_OFF_FIELD_INTENDED_VIRTUAL_ACCOUNT),
                          account ? account : "");
  for (guint i = 0; i < plan->len; i++)
    {
      SaLicenseTransfer *line = &g_array_index (plan, SaLicenseTransfer, i);
      g_autofree char *quantity = g_strdup_printf ("%" G_GINT64_FORMAT, line->quantity);

      g_string_append (body, "\n• ");
      /* Translators: one line of the transfer: license, its type, quantity */
      g_string_append_printf (body, _("%s (%s): %s"), line->license,
                              type_label (line->license_type), quantity);
    }
  g_string_append (body, "\n\n");
  g_string_append (body, _("Cisco needs the Smart Account Administrator role, or the Virtual Account "
                           "Administrator role on both Virtual Accounts, for this transfer."));

  return g_string_free (g_steal_pointer (&body), FALSE);
}

static void
transferred_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(TransferRun) run = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *body = NULL;

  if (!sa_watch_transfer_finish (SA_WATCH (source), result, &error))
    {
      g_autofree char *message = sa_error_dup_user_message (error);

      show_message (run, _("The Transfer Was Refused"), message);
      return;
    }

  /* Translators: %s is a Virtual Account name */
  body = g_strdup_printf (_("Cisco accepted the transfer to Virtual Account %s. The app confirms it "
                            "once the licenses show there."),
                          sa_hand_off_get_field (run->hand_off, SA_HAND_OFF_FIELD_INTENDED_VIRTUAL_ACCOUNT));
  show_message (run, _("Licenses Moved"), body);
}

static void
on_response (AdwMessageDialog *dialog,
             const char       *response,
             TransferRun      *run)
{
  g_autoptr(TransferRun) owned = run;

  if (g_strcmp0 (response, "move") != 0)
    return;

  sa_watch_transfer_async (run->watch, run->hand_off,
                           (SaLicenseTransfer *) (gpointer) run->plan->data, run->plan->len,
                           NULL, transferred_cb, g_steal_pointer (&owned));
}

static void
licenses_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(TransferRun) run = user_data;
  g_autoptr(GListModel) licenses = NULL;
  g_autoptr(GListStore) in_source = g_list_store_new (SA_TYPE_LICENSE);
  g_autoptr(GError) error = NULL;
  g_autofree char *body = NULL;
  const char *domain = sa_hand_off_get_field (run->hand_off, SA_HAND_OFF_FIELD_DOMAIN);
  const char *va = sa_hand_off_get_field (run->hand_off, SA_HAND_OFF_FIELD_VIRTUAL_ACCOUNT);
  GtkWidget *dialog;

  licenses = sa_client_find_licenses_by_order_finish (SA_CLIENT (source), result, &error);
  if (licenses == NULL)
    {
      g_autofree char *message = sa_error_dup_user_message (error);

      show_message (run, _("The Licenses Could Not Be Read"), message);
      return;
    }

  for (guint i = 0; i < g_list_model_get_n_items (licenses); i++)
    {
      g_autoptr(SaLicense) license = g_list_model_get_item (licenses, i);

      if (g_strcmp0 (sa_license_get_smart_account_domain (license), domain) == 0 &&
          g_strcmp0 (sa_license_get_virtual_account (license), va) == 0)
        g_list_store_append (in_source, license);
    }

  run->plan = sa_watch_plan_transfer (run->hand_off, G_LIST_MODEL (in_source));
  if (run->plan->len == 0)
    {
      /* Translators: %s: Sales Order No., then a Virtual Account */
      body = g_strdup_printf (_("No license of order %s is in Virtual Account %s any more: nothing to move."),
                              sa_hand_off_get_order_number (run->hand_off), va);
      show_message (run, _("Nothing to Move"), body);
      return;
    }

  body = sa_transfer_dialog_dup_body (run->hand_off, run->plan);
  dialog = adw_message_dialog_new (parent_window (run), _("Move Licenses?"), body);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "move", _("_Move Licenses"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "move", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect (dialog, "response", G_CALLBACK (on_response), g_steal_pointer (&run));
  gtk_window_present (GTK_WINDOW (dialog));
}

/**
 * sa_transfer_dialog_run:
 * @parent: the widget the dialogs belong to (its window)
 * @watch: the watch (its client makes the reads and the transfer)
 * @hand_off: an entry offering the transfer (sa_hand_off_needs_transfer())
 *
 * "Move Licenses…" (issue 10, the double-byte Virtual Account): reads the
 * order's licenses still in the source Virtual Account, asks for
 * confirmation naming licenses, quantities and both Virtual Accounts, then
 * makes the transfer through sa_watch_transfer_async() (which journals it)
 * and shows the result or Cisco's refusal (with the role Cisco requires).
 * Nothing waits on the UI thread.
 */
void
sa_transfer_dialog_run (GtkWidget *parent,
                        SaWatch   *watch,
                        SaHandOff *hand_off)
{
  TransferRun *run;
  g_autoptr(SaClient) client = NULL;

  g_return_if_fail (GTK_IS_WIDGET (parent));
  g_return_if_fail (SA_IS_WATCH (watch));
  g_return_if_fail (SA_IS_HAND_OFF (hand_off));

  g_object_get (watch, "client", &client, NULL);
  run = g_new0 (TransferRun, 1);
  run->parent = g_object_ref (parent);
  run->watch = g_object_ref (watch);
  run->hand_off = g_object_ref (hand_off);
  sa_client_find_licenses_by_order_async (client, sa_hand_off_get_order_number (hand_off), NULL,
                                          licenses_cb, run);
}
