/* sa-account-request-users.c — the "users" page of "Request a Smart
 * Account": Add Users to the Account (step 3 b)
 *
 * The User Emails of the people who will use the new Smart Account (none is
 * required), typed one at a time or pasted as a list, each checked, and the
 * optional Note to Added Users. Addresses typed and not yet added go with
 * the rest on Next.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "sa-account-request-user-row.h"
#include "sa-account-request-wizard-private.h"

static GtkEditable *
user_entry (SaAccountRequestWizard *self)
{
  return GTK_EDITABLE (self->field_widgets[SA_ACCOUNT_REQUEST_FIELD_USERS]);
}

/**
 * sa_account_users_dup:
 * @self: the wizard
 *
 * Returns: (transfer full): the User Emails added so far
 */
char **
sa_account_users_dup (SaAccountRequestWizard *self)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->users));
  char **users = g_new0 (char *, n + 1);

  for (guint i = 0; i < n; i++)
    users[i] = g_strdup (gtk_string_list_get_string (self->users, i));

  return users;
}

/* Splits what was typed or pasted into addresses: commas, semicolons,
 * spaces, tabs and line breaks all separate. */
static char **
split_addresses (const char *text)
{
  g_autoptr(GPtrArray) tokens = g_ptr_array_new_with_free_func (g_free);
  g_auto(GStrv) parts = g_regex_split_simple ("[,;\\s]+", text ? text : "", 0, 0);

  for (guint i = 0; parts != NULL && parts[i] != NULL; i++)
    if (*parts[i] != '\0')
      g_ptr_array_add (tokens, g_strdup (parts[i]));
  g_ptr_array_add (tokens, NULL);

  return (char **) g_ptr_array_free (g_steal_pointer (&tokens), FALSE);
}

static gboolean
same_address (const char *a,
              const char *b)
{
  g_autofree char *fa = g_utf8_casefold (a, -1);
  g_autofree char *fb = g_utf8_casefold (b, -1);

  return g_strcmp0 (fa, fb) == 0;
}

/**
 * sa_account_users_contain:
 * @self: the wizard
 * @address: an e-mail address
 *
 * Returns: %TRUE when @address (in any case) is already in the list
 */
gboolean
sa_account_users_contain (SaAccountRequestWizard *self,
                          const char             *address)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->users));

  for (guint i = 0; i < n; i++)
    if (same_address (gtk_string_list_get_string (self->users, i), address))
      return TRUE;

  return FALSE;
}

static char *
dup_too_many_users_message (void)
{
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "A request can add at most %u user.",
                                       "A request can add at most %u users.",
                                       SA_MAX_USERS),
                          (guint) SA_MAX_USERS);
}

/**
 * sa_account_users_check_pending:
 * @self: the wizard
 * @message: (out) (transfer full): why what is typed cannot be added
 *
 * Checks what the user is typing in "User Emails" and has not added yet:
 * each address well formed, not already listed, within the limit.
 *
 * Returns: %TRUE when all of it can be added
 */
gboolean
sa_account_users_check_pending (SaAccountRequestWizard  *self,
                                char                   **message)
{
  g_auto(GStrv) tokens = split_addresses (gtk_editable_get_text (user_entry (self)));
  guint count = g_list_model_get_n_items (G_LIST_MODEL (self->users));

  for (guint i = 0; tokens[i] != NULL; i++)
    {
      g_autoptr(GError) error = NULL;
      gboolean duplicate = sa_account_users_contain (self, tokens[i]);

      for (guint j = 0; j < i && !duplicate; j++)
        duplicate = same_address (tokens[i], tokens[j]);

      if (!sa_validate_email (tokens[i], &error))
        {
          /* Translators: %1$s is what the user typed, %2$s why it is not an e-mail address */
          *message = g_strdup_printf (_("“%1$s”: %2$s"), tokens[i], error->message);
          return FALSE;
        }
      if (duplicate)
        {
          *message = g_strdup_printf (_("“%s” is already in the list."), tokens[i]);
          return FALSE;
        }
      if (++count > SA_MAX_USERS)
        {
          *message = dup_too_many_users_message ();
          return FALSE;
        }
    }

  return TRUE;
}

/**
 * sa_account_users_update:
 * @self: the wizard
 *
 * Shows the list of users to add, or says there is none yet, with their
 * count; Add is enabled while something is typed in "User Emails".
 */
void
sa_account_users_update (SaAccountRequestWizard *self)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->users));
  g_autofree char *text = NULL;

  gtk_widget_set_visible (GTK_WIDGET (self->users_page.users_list), n > 0);
  if (n == 0)
    text = g_strdup (_("No users added yet. You can also add them later."));
  else
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                         "%u user will be added to the account.",
                                         "%u users will be added to the account.",
                                         n),
                            n);
  gtk_label_set_text (self->users_page.users_count_label, text);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "wizard.add-users",
                                 *gtk_editable_get_text (user_entry (self)) != '\0');
}

/**
 * sa_account_users_add_pending:
 * @self: the wizard
 *
 * Adds every acceptable address typed or pasted in "User Emails"; the
 * refused ones (malformed, already listed, over the limit) stay in the entry
 * with the reason shown under it.
 */
void
sa_account_users_add_pending (SaAccountRequestWizard *self)
{
  g_auto(GStrv) tokens = split_addresses (gtk_editable_get_text (user_entry (self)));
  g_autoptr(GPtrArray) refused = g_ptr_array_new ();
  g_autofree char *rest = NULL;

  for (guint i = 0; tokens[i] != NULL; i++)
    {
      if (sa_validate_email (tokens[i], NULL) &&
          !sa_account_users_contain (self, tokens[i]) &&
          g_list_model_get_n_items (G_LIST_MODEL (self->users)) < SA_MAX_USERS)
        gtk_string_list_append (self->users, tokens[i]);
      else
        g_ptr_array_add (refused, tokens[i]);
    }
  g_ptr_array_add (refused, NULL);

  rest = g_strjoinv (", ", (char **) refused->pdata);
  gtk_editable_set_text (user_entry (self), rest);
  self->touched[SA_ACCOUNT_REQUEST_FIELD_USERS] = TRUE;
  sa_account_form_update_field (self, SA_ACCOUNT_REQUEST_FIELD_USERS);
  sa_wizard_update_navigation (SA_WIZARD (self));
}

static GtkWidget *
create_user_row (gpointer item,
                 gpointer user_data)
{
  return sa_account_request_user_row_new (gtk_string_object_get_string (GTK_STRING_OBJECT (item)));
}

static void
on_users_changed (GListModel             *model,
                  guint                   position,
                  guint                   removed,
                  guint                   added,
                  SaAccountRequestWizard *self)
{
  if (self->restoring)
    return;

  self->touched[SA_ACCOUNT_REQUEST_FIELD_USERS] = TRUE;
  g_clear_pointer (&self->server_errors[SA_ACCOUNT_REQUEST_FIELD_USERS], g_free);
  sa_account_form_update_field (self, SA_ACCOUNT_REQUEST_FIELD_USERS);
  sa_account_users_update (self);
  sa_wizard_form_changed (SA_WIZARD (self));
}

static void
on_user_entry_activated (AdwEntryRow            *row,
                         SaAccountRequestWizard *self)
{
  if (*gtk_editable_get_text (GTK_EDITABLE (row)) != '\0')
    sa_account_users_add_pending (self);
  else
    gtk_widget_activate_action (GTK_WIDGET (self), "wizard.next", NULL);
}

static void
add_users_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *param)
{
  SaAccountRequestWizard *self = SA_ACCOUNT_REQUEST_WIZARD (widget);

  sa_account_users_add_pending (self);
  gtk_widget_grab_focus (GTK_WIDGET (user_entry (self)));
}

static void
remove_user_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *param)
{
  SaAccountRequestWizard *self = SA_ACCOUNT_REQUEST_WIZARD (widget);
  const char *address = g_variant_get_string (param, NULL);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->users));

  for (guint i = 0; i < n; i++)
    if (g_strcmp0 (gtk_string_list_get_string (self->users, i), address) == 0)
      {
        gtk_string_list_remove (self->users, i);
        break;
      }
}

/**
 * sa_account_users_class_init:
 * @widget_class: the wizard's class
 *
 * Binds the page's template children and installs "wizard.add-users" (the
 * Add button) and "wizard.remove-user" (a row's remove button).
 */
void
sa_account_users_class_init (GtkWidgetClass *widget_class)
{
  SA_ACCOUNT_REQUEST_WIZARD_BIND (widget_class, "add_user_button", users_page.add_user_button);
  SA_ACCOUNT_REQUEST_WIZARD_BIND (widget_class, "users_list", users_page.users_list);
  SA_ACCOUNT_REQUEST_WIZARD_BIND (widget_class, "note_to_users_counter", users_page.note_counter);
  SA_ACCOUNT_REQUEST_WIZARD_BIND (widget_class, "users_count_label", users_page.users_count_label);

  gtk_widget_class_install_action (widget_class, "wizard.add-users", NULL, add_users_action);
  gtk_widget_class_install_action (widget_class, "wizard.remove-user", "s", remove_user_action);
}

/**
 * sa_account_users_init:
 * @self: the wizard, its template built
 *
 * Shows the list of users to add as it changes.
 */
void
sa_account_users_init (SaAccountRequestWizard *self)
{
  self->users = gtk_string_list_new (NULL);

  g_signal_connect (self->field_widgets[SA_ACCOUNT_REQUEST_FIELD_USERS], "entry-activated",
                    G_CALLBACK (on_user_entry_activated), self);
  gtk_list_box_bind_model (self->users_page.users_list, G_LIST_MODEL (self->users), create_user_row, NULL, NULL);
  g_signal_connect (self->users, "items-changed", G_CALLBACK (on_users_changed), self);
}

/**
 * sa_account_users_dispose:
 * @self: the wizard
 *
 * Lets go of the list of users.
 */
void
sa_account_users_dispose (SaAccountRequestWizard *self)
{
  if (self->users_page.users_list != NULL)
    gtk_list_box_bind_model (self->users_page.users_list, NULL, NULL, NULL, NULL);
  if (self->users != NULL)
    g_signal_handlers_disconnect_by_data (self->users, self);
  g_clear_object (&self->users);
}
