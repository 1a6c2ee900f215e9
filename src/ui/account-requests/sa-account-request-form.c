/* sa-account-request-form.c — the fields of "Request a Smart Account":
 * reading them, checking them as they are typed, the message under each
 *
 * Every field is checked with the core validators as it is typed and the
 * message is shown at the field (a hint until then); Next stays off until
 * the page is valid (steps 3 a and 3 b of "request a Smart Account for a
 * customer"). What the server refused on Send Request is shown at its field
 * the same way, until the field changes.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "sa-account-request-wizard-private.h"

/* The form's own names of its fields, by SaAccountRequestField: the keys of
 * its draft (sa-wizard-draft.h) and the targets of the review page's
 * pencils. No back end's wire names: what a server refused comes back as an
 * SaAccountRequestField. */
const char * const sa_account_form_names[SA_ACCOUNT_REQUEST_N_FIELDS] = {
  "account-name", "customer-email", "account-domain", "note-to-customer", "users", "note-to-users",
};

/* The template ids of the field widgets and of their messages. */
static const char * const widget_ids[SA_ACCOUNT_REQUEST_N_FIELDS] = {
  "account_name_row", "customer_email_row", "account_domain_row",
  "note_to_customer_view", "user_entry_row", "note_to_users_view",
};

static const char * const message_ids[SA_ACCOUNT_REQUEST_N_FIELDS] = {
  "account_name_message", "customer_email_message", "account_domain_message",
  "note_to_customer_message", "user_entry_message", "note_to_users_message",
};

/* ---- Reading the form ---- */

/**
 * sa_account_form_dup_raw_text:
 * @self: the wizard
 * @field: a field other than %SA_ACCOUNT_REQUEST_FIELD_USERS (for it: what is typed
 *   in "User Emails" and not added yet)
 *
 * Returns: (transfer full): the text exactly as typed, spaces included
 */
char *
sa_account_form_dup_raw_text (SaAccountRequestWizard *self,
                              SaAccountRequestField      field)
{
  GtkWidget *widget = self->field_widgets[field];

  if (GTK_IS_TEXT_VIEW (widget))
    {
      GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (widget));
      GtkTextIter start, end;

      gtk_text_buffer_get_bounds (buffer, &start, &end);
      return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
    }

  return g_strdup (gtk_editable_get_text (GTK_EDITABLE (widget)));
}

/**
 * sa_account_form_dup_text:
 * @self: the wizard
 * @field: a field other than %SA_ACCOUNT_REQUEST_FIELD_USERS
 *
 * Returns: (transfer full): the text as it is sent: an entry's without the
 *   spaces around it, a note's without the spaces at its end
 */
char *
sa_account_form_dup_text (SaAccountRequestWizard *self,
                          SaAccountRequestField      field)
{
  char *text = sa_account_form_dup_raw_text (self, field);

  if (GTK_IS_TEXT_VIEW (self->field_widgets[field]))
    return g_strchomp (text);

  return g_strstrip (text);
}

/**
 * sa_account_form_set_text:
 * @self: the wizard
 * @field: a field other than %SA_ACCOUNT_REQUEST_FIELD_USERS
 * @text: (nullable): the new text
 *
 * Replaces the text of @field, as typing would.
 */
void
sa_account_form_set_text (SaAccountRequestWizard *self,
                          SaAccountRequestField      field,
                          const char             *text)
{
  GtkWidget *widget = self->field_widgets[field];

  if (GTK_IS_TEXT_VIEW (widget))
    gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (widget)), text ? text : "", -1);
  else
    gtk_editable_set_text (GTK_EDITABLE (widget), text ? text : "");
}

/**
 * sa_account_form_is_empty:
 * @self: the wizard
 *
 * Returns: %TRUE while nothing is typed in any field and no user is added
 */
gboolean
sa_account_form_is_empty (SaAccountRequestWizard *self)
{
  if (g_list_model_get_n_items (G_LIST_MODEL (self->users)) > 0)
    return FALSE;

  for (guint i = 0; i < SA_ACCOUNT_REQUEST_N_FIELDS; i++)
    {
      g_autofree char *text = sa_account_form_dup_raw_text (self, i);

      if (*text != '\0')
        return FALSE;
    }

  return TRUE;
}

/* ---- Checking the form ---- */

/**
 * sa_account_form_check_field:
 * @self: the wizard
 * @field: a field
 * @message: (out) (optional) (transfer full): the translated reason when
 *   @field is not acceptable
 *
 * Checks @field with the core validators (and what the server said of it).
 *
 * Returns: %TRUE when @field holds an acceptable value
 */
gboolean
sa_account_form_check_field (SaAccountRequestWizard  *self,
                             SaAccountRequestField       field,
                             char                   **message)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_autofree char *reason = NULL;
  gboolean valid = TRUE;

  if (self->server_errors[field] != NULL)
    {
      if (message != NULL)
        *message = g_strdup (self->server_errors[field]);
      return FALSE;
    }

  if (field != SA_ACCOUNT_REQUEST_FIELD_USERS)
    text = sa_account_form_dup_text (self, field);

  switch (field)
    {
    case SA_ACCOUNT_REQUEST_FIELD_ACCOUNT_NAME:
      valid = sa_validate_account_name (text, &error);
      break;

    case SA_ACCOUNT_REQUEST_FIELD_CUSTOMER_EMAIL:
      valid = sa_validate_email (text, &error);
      break;

    case SA_ACCOUNT_REQUEST_FIELD_ACCOUNT_DOMAIN:
      if (self->taken_domain != NULL && g_ascii_strcasecmp (text, self->taken_domain) == 0)
        {
          reason = g_strdup (_("A Smart Account already exists for this Account Domain."));
          valid = FALSE;
        }
      else
        valid = sa_validate_domain (text, &error);
      break;

    case SA_ACCOUNT_REQUEST_FIELD_NOTE_TO_CUSTOMER:
    case SA_ACCOUNT_REQUEST_FIELD_NOTE_TO_USERS:
      valid = *text == '\0' || sa_validate_note (text, &error);
      break;

    case SA_ACCOUNT_REQUEST_FIELD_USERS:
      {
        g_auto(GStrv) users = sa_account_users_dup (self);
        guint bad_index = 0;

        if (!sa_validate_user_emails ((const char * const *) users, &bad_index, &error))
          valid = FALSE;
        else
          valid = sa_account_users_check_pending (self, &reason);
      }
      break;

    case SA_ACCOUNT_REQUEST_N_FIELDS:
    default:
      g_assert_not_reached ();
    }

  if (!valid && message != NULL)
    *message = reason != NULL ? g_steal_pointer (&reason)
                              : g_strdup (error != NULL ? error->message : "");

  return valid;
}

/**
 * sa_account_form_fields_valid:
 * @self: the wizard
 * @first: the first field to check
 * @last: the last field to check
 *
 * Returns: %TRUE when every field from @first to @last is acceptable
 */
gboolean
sa_account_form_fields_valid (SaAccountRequestWizard *self,
                              SaAccountRequestField      first,
                              SaAccountRequestField      last)
{
  for (guint i = first; i <= last; i++)
    if (!sa_account_form_check_field (self, i, NULL))
      return FALSE;

  return TRUE;
}

/**
 * sa_account_form_first_invalid:
 * @self: the wizard
 *
 * Returns: the first field that is not acceptable, or
 *   %SA_ACCOUNT_REQUEST_N_FIELDS when the whole form is
 */
SaAccountRequestField
sa_account_form_first_invalid (SaAccountRequestWizard *self)
{
  for (guint i = 0; i < SA_ACCOUNT_REQUEST_N_FIELDS; i++)
    if (!sa_account_form_check_field (self, i, NULL))
      return i;

  return SA_ACCOUNT_REQUEST_N_FIELDS;
}

/**
 * sa_account_form_field_from_name:
 * @name: a field's name in %sa_account_form_names ("account-domain")
 *
 * Returns: the field, or %SA_ACCOUNT_REQUEST_N_FIELDS for a name the form
 *   does not have
 */
SaAccountRequestField
sa_account_form_field_from_name (const char *name)
{
  for (guint i = 0; i < SA_ACCOUNT_REQUEST_N_FIELDS; i++)
    if (g_strcmp0 (name, sa_account_form_names[i]) == 0)
      return i;

  return SA_ACCOUNT_REQUEST_N_FIELDS;
}

static const char *
get_hint (SaAccountRequestField field)
{
  switch (field)
    {
    case SA_ACCOUNT_REQUEST_FIELD_ACCOUNT_NAME:
      return _("The name under which the customer will know the account, e.g. Acme Industrie.");
    case SA_ACCOUNT_REQUEST_FIELD_CUSTOMER_EMAIL:
      return _("The person at the customer who approves the creation of the account.");
    case SA_ACCOUNT_REQUEST_FIELD_ACCOUNT_DOMAIN:
      return _("The customer's Internet domain, e.g. acme-industrie.fr.");
    case SA_ACCOUNT_REQUEST_FIELD_USERS:
      return _("Separate several addresses with commas, semicolons, spaces or line breaks.");
    case SA_ACCOUNT_REQUEST_FIELD_NOTE_TO_CUSTOMER:
    case SA_ACCOUNT_REQUEST_FIELD_NOTE_TO_USERS:
      return _("Optional.");
    case SA_ACCOUNT_REQUEST_N_FIELDS:
    default:
      g_assert_not_reached ();
    }
}

/* A note's length as typed and its limit ("42 / 1000"), as the Reason for
 * request of "Request Access" counts it; in red past the limit. */
static void
update_note_counter (SaAccountRequestWizard *self,
                     SaAccountRequestField   field,
                     GtkLabel               *counter_label)
{
  g_autofree char *text = sa_account_form_dup_raw_text (self, field);
  glong length = g_utf8_strlen (text, -1);
  g_autofree char *counter = NULL;

  if (counter_label == NULL)
    return;

  /* Translators: a note's length as typed, and its limit: "42 / 1000" */
  counter = g_strdup_printf (_("%1$ld / %2$d"), length, SA_MAX_NOTE_LENGTH);
  gtk_label_set_text (counter_label, counter);
  if (length > SA_MAX_NOTE_LENGTH)
    gtk_widget_add_css_class (GTK_WIDGET (counter_label), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (counter_label), "error");
}

/**
 * sa_account_form_update_field:
 * @self: the wizard
 * @field: a field
 *
 * Shows, under @field, why it is not acceptable once the user typed in it
 * (or the server refused it), else its hint.
 */
void
sa_account_form_update_field (SaAccountRequestWizard *self,
                              SaAccountRequestField      field)
{
  g_autofree char *message = NULL;
  GtkWidget *widget = self->field_widgets[field];
  GtkWidget *label = GTK_WIDGET (self->field_messages[field]);
  gboolean show_error;

  show_error = !sa_account_form_check_field (self, field, &message) &&
               (self->touched[field] || self->server_errors[field] != NULL);

  if (show_error)
    {
      gtk_label_set_text (GTK_LABEL (label), message);
      gtk_widget_remove_css_class (label, "dim-label");
      gtk_widget_add_css_class (label, "error");
      gtk_widget_add_css_class (widget, "error");
      gtk_accessible_update_state (GTK_ACCESSIBLE (widget),
                                   GTK_ACCESSIBLE_STATE_INVALID, GTK_ACCESSIBLE_INVALID_TRUE,
                                   -1);
    }
  else
    {
      gtk_label_set_text (GTK_LABEL (label), get_hint (field));
      gtk_widget_remove_css_class (label, "error");
      gtk_widget_add_css_class (label, "dim-label");
      gtk_widget_remove_css_class (widget, "error");
      gtk_accessible_reset_state (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_STATE_INVALID);
    }

  if (field == SA_ACCOUNT_REQUEST_FIELD_NOTE_TO_CUSTOMER)
    update_note_counter (self, field, self->identify.note_counter);
  else if (field == SA_ACCOUNT_REQUEST_FIELD_NOTE_TO_USERS)
    update_note_counter (self, field, self->users_page.note_counter);

  if (field == SA_ACCOUNT_REQUEST_FIELD_ACCOUNT_DOMAIN)
    sa_account_identify_update (self);
}

/**
 * sa_account_form_update_all:
 * @self: the wizard
 *
 * Brings every message, the list of users and the navigation up to date.
 */
void
sa_account_form_update_all (SaAccountRequestWizard *self)
{
  for (guint i = 0; i < SA_ACCOUNT_REQUEST_N_FIELDS; i++)
    sa_account_form_update_field (self, i);
  sa_account_users_update (self);
  sa_wizard_update_navigation (SA_WIZARD (self));
}

/**
 * sa_account_form_clear:
 * @self: the wizard
 *
 * Empties the form, as it is when the wizard opens.
 */
void
sa_account_form_clear (SaAccountRequestWizard *self)
{
  self->restoring = TRUE;
  for (guint i = 0; i < SA_ACCOUNT_REQUEST_N_FIELDS; i++)
    sa_account_form_set_text (self, i, "");
  gtk_string_list_splice (self->users, 0, g_list_model_get_n_items (G_LIST_MODEL (self->users)), NULL);
  self->restoring = FALSE;

  memset (self->touched, 0, sizeof self->touched);
  sa_account_form_forget_server_errors (self);
  g_clear_pointer (&self->taken_domain, g_free);
  sa_account_form_update_all (self);
}

/**
 * sa_account_form_go_to_field:
 * @self: the wizard
 * @field: a field
 *
 * Shows the page of @field with the focus in it (the review page's pencils,
 * and a field the server refused).
 */
void
sa_account_form_go_to_field (SaAccountRequestWizard *self,
                             SaAccountRequestField      field)
{
  const char *page = field <= SA_ACCOUNT_FORM_LAST_IDENTIFY ? "identify" : "users";

  sa_wizard_show_page (SA_WIZARD (self), page, self->field_widgets[field]);
}

/**
 * sa_account_form_show_refused:
 * @self: the wizard
 * @error: the error of sa_client_create_account_request_finish()
 *
 * Shows, at each field @error says was refused (by the server, or by a local
 * check), core's sentence for it until the field changes, and goes to the
 * first such field: step 5 of "request a Smart Account for a customer" sends
 * the user back to correct the marked fields, nothing else lost.
 *
 * Returns: %TRUE when @error refused a field of the form
 */
gboolean
sa_account_form_show_refused (SaAccountRequestWizard *self,
                              const GError           *error)
{
  gboolean any = FALSE;

  for (guint i = 0; i < SA_ACCOUNT_REQUEST_N_FIELDS; i++)
    {
      char *message = sa_client_error_dup_account_request_field (error, i, NULL);

      if (message == NULL)
        continue;

      g_free (self->server_errors[i]);
      self->server_errors[i] = message;
      self->touched[i] = TRUE;
      any = TRUE;
    }

  if (any)
    {
      sa_account_form_update_all (self);
      sa_account_form_go_to_field (self, sa_account_form_first_invalid (self));
    }

  return any;
}

/**
 * sa_account_form_forget_server_errors:
 * @self: the wizard
 *
 * Drops what the server said of every field (the form is emptied, or the
 * wizard goes away).
 */
void
sa_account_form_forget_server_errors (SaAccountRequestWizard *self)
{
  for (guint i = 0; i < SA_ACCOUNT_REQUEST_N_FIELDS; i++)
    g_clear_pointer (&self->server_errors[i], g_free);
}

/* ---- Changes ---- */

static void
field_changed (SaAccountRequestWizard *self,
               SaAccountRequestField      field)
{
  if (self->restoring)
    return;

  self->touched[field] = TRUE;
  g_clear_pointer (&self->server_errors[field], g_free);
  sa_account_form_update_field (self, field);
  if (field == SA_ACCOUNT_REQUEST_FIELD_USERS)
    sa_account_users_update (self);
  sa_wizard_form_changed (SA_WIZARD (self));
}

static void
on_entry_changed (GtkEditable            *editable,
                  SaAccountRequestWizard *self)
{
  for (guint i = 0; i < SA_ACCOUNT_REQUEST_N_FIELDS; i++)
    if (self->field_widgets[i] == GTK_WIDGET (editable))
      field_changed (self, i);
}

static void
on_buffer_changed (GtkTextBuffer          *buffer,
                   SaAccountRequestWizard *self)
{
  for (guint i = 0; i < SA_ACCOUNT_REQUEST_N_FIELDS; i++)
    if (GTK_IS_TEXT_VIEW (self->field_widgets[i]) &&
        gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->field_widgets[i])) == buffer)
      field_changed (self, i);
}

/**
 * sa_account_form_class_init:
 * @widget_class: the wizard's class
 *
 * Binds the field widgets and their messages of the template.
 */
void
sa_account_form_class_init (GtkWidgetClass *widget_class)
{
  for (guint i = 0; i < SA_ACCOUNT_REQUEST_N_FIELDS; i++)
    {
      gtk_widget_class_bind_template_child_full (widget_class, widget_ids[i], FALSE,
                                                 G_STRUCT_OFFSET (SaAccountRequestWizard, field_widgets)
                                                 + i * sizeof (GtkWidget *));
      gtk_widget_class_bind_template_child_full (widget_class, message_ids[i], FALSE,
                                                 G_STRUCT_OFFSET (SaAccountRequestWizard, field_messages)
                                                 + i * sizeof (GtkLabel *));
    }
}

/**
 * sa_account_form_init:
 * @self: the wizard, its template built
 *
 * Follows every field as it is typed.
 */
void
sa_account_form_init (SaAccountRequestWizard *self)
{
  for (guint i = 0; i < SA_ACCOUNT_REQUEST_N_FIELDS; i++)
    {
      GtkWidget *widget = self->field_widgets[i];

      if (GTK_IS_TEXT_VIEW (widget))
        g_signal_connect (gtk_text_view_get_buffer (GTK_TEXT_VIEW (widget)), "changed",
                          G_CALLBACK (on_buffer_changed), self);
      else
        g_signal_connect (widget, "changed", G_CALLBACK (on_entry_changed), self);
    }
}
