/* sa-move-licenses.c — "Move Licenses…" on a Virtual Account of the Smart
 * Accounts view: licenses moved to another Virtual Account of the same
 * Smart Account
 *
 * The route the update document leaves for a shipped order whose licenses
 * landed in the wrong Virtual Account: its assignment can no longer change,
 * but licenses move between the Virtual Accounts of one Smart Account by a
 * transfer (Cisco's license transfer API, the one write it publishes; to
 * another Smart Account only through a case with Cisco Global Licensing
 * Operations, which the dialog says). Offered when the back end has
 * %SA_CLIENT_FEATURE_LICENSE_TRANSFER and the account has another Virtual
 * Account. The dialog (AdwMessageDialog, responses "cancel" and "move")
 * asks which license (name and type, with how many are available), how
 * many, and to which Virtual Account; the back end chooses which deposits go
 * (Cisco: the longest term first). Then a toast, and the page reads the
 * account again (account.reload); a refusal is shown in a dialog with the
 * back end's message.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "sa-move-licenses.h"
#include "sa-ui-util.h"

typedef struct
{
  char   *license;
  char   *license_type;
  gint64  available;
} Choice;

static void
choice_clear (gpointer data)
{
  Choice *choice = data;

  g_free (choice->license);
  g_free (choice->license_type);
}

typedef struct
{
  GtkWidget *page;      /* the account page (owned) */
  GArray    *choices;   /* of Choice */
  GPtrArray *targets;   /* Virtual Account names */
  char      *domain;
  char      *source;
  char      *target;    /* once chosen */
  SaClient  *client;
  GtkWidget *license_row;
  GtkWidget *quantity_spin;
  GtkWidget *target_row;
} MoveRun;

static void
move_run_free (MoveRun *run)
{
  g_clear_object (&run->page);
  g_clear_pointer (&run->choices, g_array_unref);
  g_clear_pointer (&run->targets, g_ptr_array_unref);
  g_free (run->domain);
  g_free (run->source);
  g_free (run->target);
  g_clear_object (&run->client);
  g_free (run);
}

/* What of @license can move: one choice a license type (its deposits of
 * that type), at most what is not in use. */
static void
add_choices (GArray    *choices,
             SaLicense *license)
{
  GListModel *details = sa_license_get_details (license);
  g_autoptr(GHashTable) by_type = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GPtrArray) types = g_ptr_array_new ();
  guint i;

  for (i = 0; details != NULL && i < g_list_model_get_n_items (details); i++)
    {
      g_autoptr(SaLicenseDetail) detail = g_list_model_get_item (details, i);
      const char *type = sa_license_detail_get_license_type (detail);
      gpointer key = NULL, value = NULL;

      if (type == NULL || *type == '\0')
        continue;
      if (g_hash_table_lookup_extended (by_type, type, &key, &value))
        g_hash_table_insert (by_type, g_strdup (type),
                             GSIZE_TO_POINTER (GPOINTER_TO_SIZE (value) + sa_license_detail_get_quantity (detail)));
      else
        {
          g_hash_table_insert (by_type, g_strdup (type), GSIZE_TO_POINTER (sa_license_detail_get_quantity (detail)));
          g_ptr_array_add (types, (gpointer) type);
        }
    }

  for (i = 0; i < types->len; i++)
    {
      const char *type = types->pdata[i];
      Choice choice = { 0 };

      choice.available = MIN ((gint64) GPOINTER_TO_SIZE (g_hash_table_lookup (by_type, type)),
                              sa_license_get_available (license));
      if (choice.available <= 0)
        continue;
      choice.license = g_strdup (sa_license_get_license (license));
      choice.license_type = g_strdup (type);
      g_array_append_val (choices, choice);
    }
}

static void
update_quantity (MoveRun *run)
{
  guint selected = adw_combo_row_get_selected (ADW_COMBO_ROW (run->license_row));
  Choice *choice;

  if (selected >= run->choices->len)
    return;
  choice = &g_array_index (run->choices, Choice, selected);
  gtk_spin_button_set_range (GTK_SPIN_BUTTON (run->quantity_spin), 1, (double) choice->available);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (run->quantity_spin), (double) choice->available);
}

static void
on_license_selected (GObject    *row,
                     GParamSpec *pspec,
                     MoveRun    *run)
{
  update_quantity (run);
}

static void
transfer_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  MoveRun *run = user_data;
  g_autoptr(GError) error = NULL;

  if (!sa_client_transfer_licenses_finish (SA_CLIENT (source), result, &error))
    {
      g_autofree char *message = sa_error_dup_user_message (error);
      GtkRoot *root = gtk_widget_get_root (run->page);
      GtkWidget *dialog;

      g_debug ("Moving licenses failed: %s", error->message);
      dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                       _("Licenses Not Moved"), message);
      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("Close"));
      gtk_window_present (GTK_WINDOW (dialog));
    }
  else
    {
      /* Translators: a toast; %s is the Virtual Account the licenses went to */
      g_autofree char *toast = g_strdup_printf (_("Licenses moved to %s"), run->target);

      sa_ui_show_toast (run->page, toast);
    }
  gtk_widget_activate_action (run->page, "account.reload", NULL);
  move_run_free (run);
}

static void
on_response (AdwMessageDialog *dialog,
             const char       *response,
             MoveRun          *run)
{
  guint selected, target;
  SaLicenseTransfer transfer = { 0 };
  Choice *choice;

  /* once: the dialog may answer again as it closes */
  g_signal_handlers_disconnect_by_data (dialog, run);
  g_signal_handlers_disconnect_by_data (run->license_row, run);
  selected = adw_combo_row_get_selected (ADW_COMBO_ROW (run->license_row));
  target = adw_combo_row_get_selected (ADW_COMBO_ROW (run->target_row));
  if (g_strcmp0 (response, "move") != 0 || selected >= run->choices->len || target >= run->targets->len)
    {
      move_run_free (run);
      return;
    }
  choice = &g_array_index (run->choices, Choice, selected);
  transfer.license = choice->license;
  transfer.license_type = choice->license_type;
  transfer.quantity = gtk_spin_button_get_value_as_int (GTK_SPIN_BUTTON (run->quantity_spin));
  run->target = g_strdup (run->targets->pdata[target]);
  sa_client_transfer_licenses_async (run->client, run->domain, run->source, run->target, &transfer, 1, NULL,
                                     transfer_cb, run);
}

/**
 * sa_move_licenses_can_offer:
 * @client: the client of the Smart Accounts view
 * @virtual_accounts: the account's #SaVirtualAccount list
 * @licenses: the #SaLicense list of one of them
 *
 * Whether "Move Licenses…" is offered on that Virtual Account: the back end
 * transfers licenses (%SA_CLIENT_FEATURE_LICENSE_TRANSFER), the account has
 * another Virtual Account, and some of these licenses are not in use.
 *
 * Returns: %TRUE when it is
 */
gboolean
sa_move_licenses_can_offer (SaClient   *client,
                            GListModel *virtual_accounts,
                            GListModel *licenses)
{
  g_autoptr(GArray) choices = NULL;
  guint i;

  g_return_val_if_fail (SA_IS_CLIENT (client), FALSE);

  if ((sa_client_get_features (client) & SA_CLIENT_FEATURE_LICENSE_TRANSFER) == 0 ||
      virtual_accounts == NULL || g_list_model_get_n_items (virtual_accounts) < 2 || licenses == NULL)
    return FALSE;
  choices = g_array_new (FALSE, TRUE, sizeof (Choice));
  g_array_set_clear_func (choices, choice_clear);
  for (i = 0; i < g_list_model_get_n_items (licenses); i++)
    {
      g_autoptr(SaLicense) license = g_list_model_get_item (licenses, i);

      add_choices (choices, license);
    }

  return choices->len > 0;
}

/**
 * sa_move_licenses_present:
 * @page: the account page (activated "account.reload" once moved)
 * @client: its client, with %SA_CLIENT_FEATURE_LICENSE_TRANSFER
 * @domain: the Smart Account's Domain Identifier
 * @source: the Virtual Account the licenses leave
 * @licenses: the #SaLicense list of @source
 * @virtual_accounts: the account's #SaVirtualAccount list
 *
 * Asks which license, how many and to which other Virtual Account of the
 * same Smart Account, and on "Move Licenses" moves them
 * (sa_client_transfer_licenses_async()): a toast once moved, the back end's
 * message in a dialog if refused; either way @page reads the account again.
 */
void
sa_move_licenses_present (GtkWidget  *page,
                          SaClient   *client,
                          const char *domain,
                          const char *source,
                          GListModel *licenses,
                          GListModel *virtual_accounts)
{
  g_autoptr(GtkStringList) license_names = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) target_names = gtk_string_list_new (NULL);
  g_autofree char *body = NULL;
  GtkRoot *root;
  GtkWidget *dialog, *list, *quantity_row;
  MoveRun *run;
  guint i;

  g_return_if_fail (GTK_IS_WIDGET (page));
  g_return_if_fail (SA_IS_CLIENT (client));
  g_return_if_fail (domain != NULL && source != NULL);
  g_return_if_fail (G_IS_LIST_MODEL (licenses) && G_IS_LIST_MODEL (virtual_accounts));

  run = g_new0 (MoveRun, 1);
  run->page = g_object_ref (page);
  run->client = g_object_ref (client);
  run->domain = g_strdup (domain);
  run->source = g_strdup (source);
  run->choices = g_array_new (FALSE, TRUE, sizeof (Choice));
  g_array_set_clear_func (run->choices, choice_clear);
  run->targets = g_ptr_array_new_with_free_func (g_free);

  for (i = 0; i < g_list_model_get_n_items (licenses); i++)
    {
      g_autoptr(SaLicense) license = g_list_model_get_item (licenses, i);

      add_choices (run->choices, license);
    }
  for (i = 0; i < run->choices->len; i++)
    {
      Choice *choice = &g_array_index (run->choices, Choice, i);
      g_autofree char *label = NULL;
      g_autofree char *available = g_strdup_printf ("%" G_GINT64_FORMAT, choice->available);

      /* Translators: a license to move: its name, its type (PERPETUAL or TERM, as Cisco names them), how many are not in use */
      label = g_strdup_printf (_("%s · %s · available: %s"), choice->license, choice->license_type, available);
      gtk_string_list_append (license_names, label);
    }
  for (i = 0; i < g_list_model_get_n_items (virtual_accounts); i++)
    {
      g_autoptr(SaVirtualAccount) va = g_list_model_get_item (virtual_accounts, i);

      if (g_strcmp0 (sa_virtual_account_get_name (va), source) == 0)
        continue;
      gtk_string_list_append (target_names, sa_virtual_account_get_name (va));
      g_ptr_array_add (run->targets, g_strdup (sa_virtual_account_get_name (va)));
    }

  list = gtk_list_box_new ();
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  run->license_row = adw_combo_row_new ();
  gtk_widget_set_name (run->license_row, "license_row");
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (run->license_row), _("_License"));
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (run->license_row), TRUE);
  adw_combo_row_set_model (ADW_COMBO_ROW (run->license_row), G_LIST_MODEL (license_names));
  gtk_list_box_append (GTK_LIST_BOX (list), run->license_row);

  quantity_row = adw_action_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (quantity_row), _("_Quantity"));
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (quantity_row), TRUE);
  run->quantity_spin = gtk_spin_button_new_with_range (1, 1, 1);
  gtk_widget_set_name (run->quantity_spin, "quantity_spin");
  gtk_widget_set_valign (run->quantity_spin, GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (run->quantity_spin), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Quantity"), -1);
  adw_action_row_add_suffix (ADW_ACTION_ROW (quantity_row), run->quantity_spin);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (quantity_row), run->quantity_spin);
  gtk_list_box_append (GTK_LIST_BOX (list), quantity_row);

  run->target_row = adw_combo_row_new ();
  gtk_widget_set_name (run->target_row, "target_row");
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (run->target_row), _("_To Virtual Account"));
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (run->target_row), TRUE);
  adw_combo_row_set_model (ADW_COMBO_ROW (run->target_row), G_LIST_MODEL (target_names));
  gtk_list_box_append (GTK_LIST_BOX (list), run->target_row);

  update_quantity (run);
  g_signal_connect (run->license_row, "notify::selected", G_CALLBACK (on_license_selected), run);

  /* Translators: %s is a Virtual Account's name, %s a Smart Account's Domain Identifier */
  body = g_strdup_printf (_("Licenses leave the Virtual Account %s for another Virtual Account of the same Smart "
                            "Account (%s). To another Smart Account they move only through a case with Cisco "
                            "Global Licensing Operations."), source, domain);
  root = gtk_widget_get_root (page);
  dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, _("Move Licenses"), body);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), list);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "move", _("_Move Licenses"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "move", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (dialog), "move",
                                           run->choices->len > 0 && run->targets->len > 0);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect (dialog, "response", G_CALLBACK (on_response), run);
  gtk_window_present (GTK_WINDOW (dialog));
}
