/* sa-assign-checks.c — the Assign Smart Account dialog's checks, as notes
 *
 * The documented checks before anything is submitted (step 6 and step 7 of
 * "Updating Smart Account Assignment in CCW", with its note and caution),
 * whichever back end answered, worded for the user:
 * - the account exists: Cisco's search matches substrings, so when none of
 *   the results is exactly what was typed the dialog says so; when nothing
 *   is found and the back end hides restricted accounts, that they are found
 *   only by their full name or domain;
 * - its type fits the slot (a Holding account is no End Customer one), and
 *   it has not Expired: both block Assign;
 * - a double-byte Virtual Account name: the portal will not list it; there,
 *   DEFAULT then a transfer ("Use DEFAULT Instead" picks it here).
 * The Pending note stays the dialog's own. The rules are in core
 * (sa-assignment-checks.h).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "sa-assign-checks.h"
#include "sa-ui-util.h"

struct _SaAssignChecks
{
  GtkWidget             parent_instance;

  GtkWidget            *restricted_note;
  GtkWidget            *inexact_note;
  GtkLabel             *inexact_label;
  GtkWidget            *wrong_type_note;
  GtkLabel             *wrong_type_label;
  GtkWidget            *expired_note;
  GtkWidget            *double_byte_note;
  GtkLabel             *double_byte_label;
  GtkWidget            *use_default_button;

  SaAssignmentProblems  problems;
};

G_DEFINE_FINAL_TYPE (SaAssignChecks, sa_assign_checks, GTK_TYPE_WIDGET)

enum {
  USE_DEFAULT,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* The widget shows only when one of its notes does (no empty gap). */
static void
update_visibility (SaAssignChecks *self)
{
  gboolean any = FALSE;

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    any = any || gtk_widget_get_visible (child);

  gtk_widget_set_visible (GTK_WIDGET (self), any);
}

static void
on_use_default_clicked (GtkButton      *button,
                        SaAssignChecks *self)
{
  g_signal_emit (self, signals[USE_DEFAULT], 0);
}

static void
sa_assign_checks_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), SA_TYPE_ASSIGN_CHECKS);

  G_OBJECT_CLASS (sa_assign_checks_parent_class)->dispose (object);
}

static void
sa_assign_checks_class_init (SaAssignChecksClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sa_assign_checks_dispose;

  /**
   * SaAssignChecks::use-default:
   * @self: the checks
   *
   * Emitted when the user picks "Use DEFAULT Instead" under the double-byte
   * note (the workaround of step 7's caution).
   */
  signals[USE_DEFAULT] = g_signal_new ("use-default",
                                       G_TYPE_FROM_CLASS (klass),
                                       G_SIGNAL_RUN_LAST,
                                       0, NULL, NULL, NULL,
                                       G_TYPE_NONE, 0);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               SA_RESOURCE_PATH "/orders/sa-assign-checks.ui");
  gtk_widget_class_bind_template_child (widget_class, SaAssignChecks, restricted_note);
  gtk_widget_class_bind_template_child (widget_class, SaAssignChecks, inexact_note);
  gtk_widget_class_bind_template_child (widget_class, SaAssignChecks, inexact_label);
  gtk_widget_class_bind_template_child (widget_class, SaAssignChecks, wrong_type_note);
  gtk_widget_class_bind_template_child (widget_class, SaAssignChecks, wrong_type_label);
  gtk_widget_class_bind_template_child (widget_class, SaAssignChecks, expired_note);
  gtk_widget_class_bind_template_child (widget_class, SaAssignChecks, double_byte_note);
  gtk_widget_class_bind_template_child (widget_class, SaAssignChecks, double_byte_label);
  gtk_widget_class_bind_template_child (widget_class, SaAssignChecks, use_default_button);
}

static void
sa_assign_checks_init (SaAssignChecks *self)
{
  GtkLayoutManager *layout;

  gtk_widget_init_template (GTK_WIDGET (self));

  layout = gtk_widget_get_layout_manager (GTK_WIDGET (self));
  gtk_orientable_set_orientation (GTK_ORIENTABLE (layout), GTK_ORIENTATION_VERTICAL);
  gtk_box_layout_set_spacing (GTK_BOX_LAYOUT (layout), 12);

  g_signal_connect (self->use_default_button, "clicked", G_CALLBACK (on_use_default_clicked), self);
  update_visibility (self);
}

/**
 * sa_assign_checks_show_results:
 * @self: a #SaAssignChecks
 * @results: (nullable): the #SaSmartAccount list the search found, %NULL
 *   before a search or after a failed one
 * @field: what was searched
 * @value: what was typed
 * @restricted_hidden: whether the back end finds restricted Smart Accounts
 *   only by their full name or domain
 *   (%SA_CLIENT_FEATURE_RESTRICTED_ACCOUNTS_HIDDEN)
 *
 * The first check, "the account exists" (step 6 of "assign an order"):
 * notes that nothing was found and, with @restricted_hidden, why it may be
 * so; or that none of the results is exactly @value (Cisco's search matches
 * substrings: "work.com" finds "wework.com").
 */
void
sa_assign_checks_show_results (SaAssignChecks       *self,
                               GListModel           *results,
                               SaAccountSearchField  field,
                               const char           *value,
                               gboolean              restricted_hidden)
{
  guint n;

  g_return_if_fail (SA_IS_ASSIGN_CHECKS (self));
  g_return_if_fail (results == NULL || G_IS_LIST_MODEL (results));

  n = results != NULL ? g_list_model_get_n_items (results) : 0;
  gtk_widget_set_visible (self->restricted_note, results != NULL && n == 0 && restricted_hidden);

  if (n > 0 && field != SA_ACCOUNT_SEARCH_EMAIL && !sa_accounts_have_exact_match (results, field, value))
    {
      g_autofree char *text = NULL;

      /* Translators: after a Smart Account search; %s is what the user typed */
      text = g_strdup_printf (field == SA_ACCOUNT_SEARCH_NAME
                              ? _("No Smart Account is named exactly “%s”: the search also finds names that contain it. Make sure you pick the customer's own account.")
                              : _("No Smart Account has exactly the Domain Identifier “%s”: the search also finds domains that contain it. Make sure you pick the customer's own account."),
                              value);
      gtk_label_set_text (self->inexact_label, text);
      gtk_widget_set_visible (self->inexact_note, TRUE);
    }
  else
    gtk_widget_set_visible (self->inexact_note, FALSE);

  update_visibility (self);
}

/**
 * sa_assign_checks_check:
 * @self: a #SaAssignChecks
 * @slot: the slot being edited
 * @account: (nullable): the Smart Account selected
 * @virtual_account: (nullable): the Virtual Account selected
 * @can_use_default: whether the account's list has a DEFAULT Virtual
 *   Account to offer instead of a double-byte one
 *
 * Applies step 7's checks to the choice (sa_assignment_check()) and shows
 * their notes: wrong type for the slot, Expired, double-byte Virtual Account
 * name (with "Use DEFAULT Instead" when @can_use_default).
 *
 * Returns: the problems found; sa_assignment_problems_block() says whether
 *   Assign must stay disabled
 */
SaAssignmentProblems
sa_assign_checks_check (SaAssignChecks   *self,
                        SaAccountType     slot,
                        SaSmartAccount   *account,
                        SaVirtualAccount *virtual_account,
                        gboolean          can_use_default)
{
  g_return_val_if_fail (SA_IS_ASSIGN_CHECKS (self), SA_ASSIGNMENT_PROBLEM_NONE);

  self->problems = sa_assignment_check (slot, account, virtual_account);

  gtk_widget_set_visible (self->wrong_type_note, (self->problems & SA_ASSIGNMENT_PROBLEM_WRONG_TYPE) != 0);
  if (self->problems & SA_ASSIGNMENT_PROBLEM_WRONG_TYPE)
    {
      g_autofree char *text = NULL;

      if (slot == SA_ACCOUNT_TYPE_CUSTOMER)
        /* Translators: %s is a Smart Account's name */
        text = g_strdup_printf (_("“%s” is a Holding Smart Account: it cannot be the End Customer Smart Account. Pick the customer's own account."),
                                sa_smart_account_get_name (account));
      else
        /* Translators: %s is a Smart Account's name */
        text = g_strdup_printf (_("“%s” is a customer's Smart Account: it cannot be the Holding Smart Account. Pick your partner Holding account."),
                                sa_smart_account_get_name (account));
      gtk_label_set_text (self->wrong_type_label, text);
    }

  gtk_widget_set_visible (self->expired_note, (self->problems & SA_ASSIGNMENT_PROBLEM_EXPIRED) != 0);

  gtk_widget_set_visible (self->double_byte_note,
                          (self->problems & SA_ASSIGNMENT_PROBLEM_DOUBLE_BYTE_VIRTUAL_ACCOUNT) != 0);
  gtk_widget_set_visible (self->use_default_button,
                          (self->problems & SA_ASSIGNMENT_PROBLEM_DOUBLE_BYTE_VIRTUAL_ACCOUNT) != 0 && can_use_default);
  if (self->problems & SA_ASSIGNMENT_PROBLEM_DOUBLE_BYTE_VIRTUAL_ACCOUNT)
    {
      const char *name = sa_virtual_account_get_name (virtual_account);
      g_autofree char *text = NULL;

      /* Translators: step 7's caution; %1$s and %2$s are the same Virtual Account name (e.g. Japanese) */
      text = g_strdup_printf (_("Cisco's portal does not list Virtual Account names with double-byte characters, "
                                "such as “%1$s”. There, choose DEFAULT; once the licenses are provisioned, "
                                "transfer them from DEFAULT to “%2$s” in Cisco Smart Software Manager."),
                              name, name);
      gtk_label_set_text (self->double_byte_label, text);
    }

  update_visibility (self);

  return self->problems;
}

/**
 * sa_assign_checks_get_problems:
 * @self: a #SaAssignChecks
 *
 * Returns: what the last sa_assign_checks_check() found
 */
SaAssignmentProblems
sa_assign_checks_get_problems (SaAssignChecks *self)
{
  g_return_val_if_fail (SA_IS_ASSIGN_CHECKS (self), SA_ASSIGNMENT_PROBLEM_NONE);

  return self->problems;
}
