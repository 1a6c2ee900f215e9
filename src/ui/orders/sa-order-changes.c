/* sa-order-changes.c — Smart Account changes waiting to be submitted, kept per order
 *
 * Step 8 of "How do I assign an order to a Smart Account" leaves a change
 * waiting on the order page until the terms are accepted and it is submitted
 * (steps 9 and 10). Issue 11: that change is never thrown away without a
 * word. The order page keeps it here, per window and per Sales Order No.,
 * while the app runs: going back to the orders (Escape, Alt+Left, the back
 * arrow) keeps it, and opening the order again shows it. Closing the window
 * (or Ctrl+Q, which closes it) asks first while a change waits. Also the
 * words that restate a change, for the Assign dialog's review and the
 * "Submit Change" confirmation.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "sa-order-changes.h"

#define CHANGES_KEY "sa-order-changes"
#define CLOSING_KEY "sa-order-changes-closing"

typedef struct
{
  SaAssignment *end_customer;
  SaAssignment *holding;
} Change;

static void
change_free (gpointer data)
{
  Change *change = data;

  g_clear_object (&change->end_customer);
  g_clear_object (&change->holding);
  g_free (change);
}

static gboolean on_close_request (GtkWindow *window,
                                  gpointer   user_data);

static GHashTable *
get_changes (GtkWindow *window,
             gboolean   create)
{
  GHashTable *changes = g_object_get_data (G_OBJECT (window), CHANGES_KEY);

  if (changes == NULL && create)
    {
      changes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, change_free);
      g_object_set_data_full (G_OBJECT (window), CHANGES_KEY, changes, (GDestroyNotify) g_hash_table_unref);
      /* Before the window's own handler, which saves its size and closes. */
      g_signal_connect (window, "close-request", G_CALLBACK (on_close_request), NULL);
    }

  return changes;
}

/**
 * sa_order_changes_keep:
 * @window: the window the order page is in
 * @sales_order_number: the order's Sales Order No.
 * @end_customer: (nullable): the End Customer change waiting, or %NULL
 * @holding: (nullable): the Holding change waiting, or %NULL
 *
 * Keeps what waits to be submitted on the order (step 8 of "assign an
 * order"), or forgets it when both are %NULL (submitted or undone).
 */
void
sa_order_changes_keep (GtkWindow    *window,
                       const char   *sales_order_number,
                       SaAssignment *end_customer,
                       SaAssignment *holding)
{
  GHashTable *changes;
  Change *change;

  g_return_if_fail (GTK_IS_WINDOW (window));
  g_return_if_fail (sales_order_number != NULL);

  changes = get_changes (window, end_customer != NULL || holding != NULL);
  if (changes == NULL)
    return;

  if (end_customer == NULL && holding == NULL)
    {
      g_hash_table_remove (changes, sales_order_number);
      return;
    }

  change = g_new0 (Change, 1);
  change->end_customer = end_customer != NULL ? g_object_ref (end_customer) : NULL;
  change->holding = holding != NULL ? g_object_ref (holding) : NULL;
  g_hash_table_replace (changes, g_strdup (sales_order_number), change);
}

/**
 * sa_order_changes_lookup:
 * @window: the window the order page is in
 * @sales_order_number: the order's Sales Order No.
 * @end_customer: (out) (transfer full) (nullable): the End Customer change kept
 * @holding: (out) (transfer full) (nullable): the Holding change kept
 *
 * Finds the change kept for the order by sa_order_changes_keep(), for the
 * order page to show it again when the order is reopened.
 *
 * Returns: %TRUE when a change was kept for @sales_order_number
 */
gboolean
sa_order_changes_lookup (GtkWindow     *window,
                         const char    *sales_order_number,
                         SaAssignment **end_customer,
                         SaAssignment **holding)
{
  GHashTable *changes;
  Change *change;

  g_return_val_if_fail (GTK_IS_WINDOW (window), FALSE);
  g_return_val_if_fail (end_customer != NULL && holding != NULL, FALSE);

  *end_customer = NULL;
  *holding = NULL;
  changes = get_changes (window, FALSE);
  change = changes != NULL ? g_hash_table_lookup (changes, sales_order_number) : NULL;
  if (change == NULL)
    return FALSE;

  *end_customer = change->end_customer != NULL ? g_object_ref (change->end_customer) : NULL;
  *holding = change->holding != NULL ? g_object_ref (change->holding) : NULL;

  return TRUE;
}

/**
 * sa_order_changes_count:
 * @window: a window
 *
 * Returns: how many orders have a change waiting to be submitted in @window
 */
guint
sa_order_changes_count (GtkWindow *window)
{
  GHashTable *changes;

  g_return_val_if_fail (GTK_IS_WINDOW (window), 0);

  changes = get_changes (window, FALSE);

  return changes != NULL ? g_hash_table_size (changes) : 0;
}

static void
on_close_response (AdwMessageDialog *dialog,
                   const char       *response,
                   GtkWindow        *window)
{
  if (g_strcmp0 (response, "close") != 0)
    return;

  g_object_set_data (G_OBJECT (window), CLOSING_KEY, GINT_TO_POINTER (TRUE));
  gtk_window_close (window);
}

/**
 * sa_order_changes_ask_before_closing:
 * @window: the main window, about to close (its "close-request", Ctrl+Q)
 *
 * While a change waits to be submitted in @window, asks "Close and Discard
 * the Changes?" instead of closing: "Keep Open" (the default, and Escape)
 * or "Close Anyway", which closes @window. Connected to @window's
 * "close-request" once a change is kept.
 *
 * Returns: %TRUE when the window must stay open for now (the question is shown)
 */
gboolean
sa_order_changes_ask_before_closing (GtkWindow *window)
{
  guint n;
  AdwMessageDialog *dialog;
  g_autofree char *body = NULL;

  g_return_val_if_fail (GTK_IS_WINDOW (window), FALSE);

  n = sa_order_changes_count (window);
  if (n == 0 || g_object_get_data (G_OBJECT (window), CLOSING_KEY) != NULL)
    return FALSE;

  body = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       /* Translators: asked when closing the window (or Ctrl+Q) while changes wait; %u is how many orders */
                                       "A Smart Account change for %u order has not been submitted. If you close the window, it is lost.",
                                       "Smart Account changes for %u orders have not been submitted. If you close the window, they are lost.",
                                       n),
                          n);
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (window, _("Close and Discard the Changes?"), body));
  adw_message_dialog_add_responses (dialog,
                                    "keep", _("_Keep Open"),
                                    "close", _("_Close Anyway"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "close", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (dialog, "keep");
  adw_message_dialog_set_close_response (dialog, "keep");
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_close_response), window, 0);
  gtk_window_present (GTK_WINDOW (dialog));

  return TRUE;
}

static gboolean
on_close_request (GtkWindow *window,
                  gpointer   user_data)
{
  return sa_order_changes_ask_before_closing (window);
}

static char *
describe_assignment (SaAssignment *assignment)
{
  if (assignment == NULL)
    /* Translators: no Smart Account assigned, in "End Customer Smart Account: none → …" */
    return g_strdup (C_("no Smart Account", "none"));

  /* Translators: a Smart Account in the restated change: "%1$s" its name,
   * "%2$s" its domain, "%3$s" the Virtual Account's name */
  return g_strdup_printf (_("%1$s (%2$s), Virtual Account %3$s"),
                          sa_assignment_get_name (assignment),
                          sa_assignment_get_domain (assignment),
                          sa_assignment_get_virtual_account (assignment));
}

/**
 * sa_order_changes_describe:
 * @slot: %SA_ACCOUNT_TYPE_CUSTOMER (End Customer) or %SA_ACCOUNT_TYPE_HOLDING
 * @before: (nullable): what the slot holds now
 * @after: (nullable): what it will hold
 *
 * Restates one slot's change in words, before → after (step 10 of "assign an
 * order": the change is confirmed with what it does), e.g. "End Customer
 * Smart Account: none → Acme Industrie (acme-industrie.fr), Virtual Account
 * DEFAULT".
 *
 * Returns: (transfer full): the translated sentence
 */
char *
sa_order_changes_describe (SaAccountType  slot,
                           SaAssignment  *before,
                           SaAssignment  *after)
{
  g_autofree char *from = describe_assignment (before);
  g_autofree char *to = describe_assignment (after);

  /* Translators: a restated change: "%1$s" the slot (End Customer or Holding
   * Smart Account), "%2$s" what it holds now, "%3$s" what it will hold */
  return g_strdup_printf (_("%1$s: %2$s → %3$s"),
                          slot == SA_ACCOUNT_TYPE_HOLDING ? _("Holding Smart Account")
                                                          : _("End Customer Smart Account"),
                          from, to);
}
