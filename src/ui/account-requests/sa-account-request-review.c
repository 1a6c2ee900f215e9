/* sa-account-request-review.c — the "review" page of "Request a Smart
 * Account": Review Request and Send Request (steps 4 and 5)
 *
 * The whole request on one page, each line with a pencil back to its field.
 * Send Request (POST /v1/account-requests) saves the draft first; when the
 * server refuses, the answer is shown where it belongs: a taken Account
 * Domain at the domain field with the offer to request access, a refused
 * field at that field, anything else (the server cannot be reached …) on this
 * page, nothing lost. With Cisco (%SA_CLIENT_FEATURE_PORTAL_HAND_OFF) Send
 * Request opens "Complete in Cisco's Portal" instead (src/ui/hand-off/):
 * "Done in the Portal" ends the wizard, the request kept in the journal.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "sa-account-request-wizard-private.h"
#include "sa-hand-off-dialog.h"
#include "sa-ui-util.h"

/* The template ids of the review rows and of their pencils. */
static const char * const row_ids[SA_ACCOUNT_REQUEST_N_FIELDS] = {
  "review_account_name_row", "review_customer_email_row", "review_account_domain_row",
  "review_note_to_customer_row", "review_users_row", "review_note_to_users_row",
};

static const char * const edit_ids[SA_ACCOUNT_REQUEST_N_FIELDS] = {
  "edit_account_name_button", "edit_customer_email_button", "edit_account_domain_button",
  "edit_note_to_customer_button", "edit_users_button", "edit_note_to_users_button",
};

/**
 * sa_account_review_fill:
 * @self: the wizard
 *
 * Shows every value of the form on the review page ("None" for an empty one).
 */
void
sa_account_review_fill (SaAccountRequestWizard *self)
{
  for (guint i = 0; i < SA_ACCOUNT_REQUEST_N_FIELDS; i++)
    {
      g_autofree char *text = NULL;

      if (i == SA_ACCOUNT_REQUEST_FIELD_USERS)
        {
          g_auto(GStrv) users = sa_account_users_dup (self);

          text = g_strjoinv (", ", users);
        }
      else
        text = sa_account_form_dup_text (self, i);

      if (*text != '\0')
        adw_action_row_set_subtitle (self->review.rows[i], text);
      else if (i == SA_ACCOUNT_REQUEST_FIELD_USERS)
        /* Translators: no users added to the request (Italian: "Nessuno") */
        adw_action_row_set_subtitle (self->review.rows[i], C_("no users", "None"));
      else
        /* Translators: an empty note, the only other field that may be empty
         * (Italian: "Nessuna") */
        adw_action_row_set_subtitle (self->review.rows[i], C_("empty note", "None"));
    }
}

static void
show_send_error (SaAccountRequestWizard *self,
                 const char             *message)
{
  gtk_label_set_text (self->review.send_error_label, message ? message : "");
  gtk_widget_set_visible (self->review.send_error_box, message != NULL);
}

static void
set_sending (SaAccountRequestWizard *self,
             gboolean                sending)
{
  self->sending = sending;
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "wizard.edit", !sending);
  sa_wizard_set_busy (SA_WIZARD (self), sending);
}

static void
create_account_request_cb (GObject      *source,
                           GAsyncResult *result,
                           gpointer      user_data)
{
  SaAccountRequestWizard *self;
  g_autoptr(SaAccountRequest) request = NULL;
  g_autoptr(GError) error = NULL;

  request = sa_client_create_account_request_finish (SA_CLIENT (source), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  self = SA_ACCOUNT_REQUEST_WIZARD (user_data);
  set_sending (self, FALSE);

  if (request != NULL)
    {
      self->request = g_steal_pointer (&request);
      self->sent = TRUE;
      sa_wizard_finish_draft (SA_WIZARD (self));
      sa_account_result_show (self);
      g_signal_emit_by_name (self, "request-sent", self->request);
      return;
    }

  g_debug ("Sending the Smart Account request failed: %s", error->message);

  if (g_error_matches (error, SA_CLIENT_ERROR, SA_CLIENT_ERROR_DOMAIN_TAKEN))
    {
      g_free (self->taken_domain);
      self->taken_domain = sa_account_form_dup_text (self, SA_ACCOUNT_REQUEST_FIELD_ACCOUNT_DOMAIN);
      self->touched[SA_ACCOUNT_REQUEST_FIELD_ACCOUNT_DOMAIN] = TRUE;
      sa_account_form_update_all (self);
      sa_account_form_go_to_field (self, SA_ACCOUNT_REQUEST_FIELD_ACCOUNT_DOMAIN);
      return;
    }

  /* A refused field is shown at that field, with core's sentence. */
  if (sa_account_form_show_refused (self, error))
    return;

  {
    g_autofree char *message = sa_error_dup_user_message (error);

    show_send_error (self, message);
    sa_wizard_update_navigation (SA_WIZARD (self));
  }
}

static void
on_hand_off_response (GtkWindow              *dialog,
                      const char             *response,
                      SaAccountRequestWizard *self)
{
  g_signal_handlers_disconnect_by_data (dialog, self);
  /* The wizard may close below, before this page is finalized. */
  gtk_window_set_transient_for (dialog, NULL);
  gtk_window_destroy (dialog);

  if (g_strcmp0 (response, "done") != 0)
    return;

  /* Handed off: the journal holds the request from now on. */
  self->sent = TRUE;
  sa_wizard_finish_draft (SA_WIZARD (self));
  gtk_window_close (GTK_WINDOW (self));
}

/* Cisco: the request is sent in Cisco Software Central with these values. */
static void
hand_off (SaAccountRequestWizard *self,
          const char * const     *values,
          const char * const     *users)
{
  g_autoptr(SaHandOff) hand_off = sa_hand_off_new (SA_HAND_OFF_REQUEST_SMART_ACCOUNT, values[2]);
  g_autoptr(GPtrArray) hand_offs = g_ptr_array_new_with_free_func (g_object_unref);
  SaHandOffDialog *dialog;

  sa_hand_off_set_field (hand_off, SA_HAND_OFF_FIELD_ACCOUNT_NAME, values[0]);
  sa_hand_off_set_field (hand_off, SA_HAND_OFF_FIELD_CUSTOMER_EMAIL, values[1]);
  sa_hand_off_set_field (hand_off, SA_HAND_OFF_FIELD_DOMAIN, values[2]);
  sa_hand_off_set_field (hand_off, SA_HAND_OFF_FIELD_NOTE_TO_CUSTOMER, *values[3] != '\0' ? values[3] : NULL);
  sa_hand_off_set_field (hand_off, SA_HAND_OFF_FIELD_NOTE_TO_USERS, *values[4] != '\0' ? values[4] : NULL);
  sa_hand_off_set_user_emails (hand_off, users);
  g_ptr_array_add (hand_offs, g_steal_pointer (&hand_off));

  dialog = sa_hand_off_dialog_new (self->client, hand_offs, GTK_WIDGET (self));
  g_signal_connect (dialog, "response", G_CALLBACK (on_hand_off_response), self);
  gtk_window_present (GTK_WINDOW (dialog));
}

/**
 * sa_account_review_send:
 * @self: the wizard
 *
 * Send Request (step 5 of "request a Smart Account for a customer"): once
 * every field is acceptable, saves the draft and sends the request
 * (POST /v1/account-requests); the result page follows. With Cisco, opens
 * "Complete in Cisco's Portal" with the values (steps 1 to 5 there).
 */
void
sa_account_review_send (SaAccountRequestWizard *self)
{
  g_autofree char *account_name = NULL;
  g_autofree char *customer_email = NULL;
  g_autofree char *account_domain = NULL;
  g_autofree char *note_to_customer = NULL;
  g_autofree char *note_to_users = NULL;
  g_auto(GStrv) users = NULL;
  SaAccountRequestField invalid;

  if (self->sending || self->sent)
    return;

  invalid = sa_account_form_first_invalid (self);
  if (invalid != SA_ACCOUNT_REQUEST_N_FIELDS)
    {
      self->touched[invalid] = TRUE;
      sa_account_form_update_field (self, invalid);
      sa_account_form_go_to_field (self, invalid);
      return;
    }

  account_name = sa_account_form_dup_text (self, SA_ACCOUNT_REQUEST_FIELD_ACCOUNT_NAME);
  customer_email = sa_account_form_dup_text (self, SA_ACCOUNT_REQUEST_FIELD_CUSTOMER_EMAIL);
  account_domain = sa_account_form_dup_text (self, SA_ACCOUNT_REQUEST_FIELD_ACCOUNT_DOMAIN);
  note_to_customer = sa_account_form_dup_text (self, SA_ACCOUNT_REQUEST_FIELD_NOTE_TO_CUSTOMER);
  note_to_users = sa_account_form_dup_text (self, SA_ACCOUNT_REQUEST_FIELD_NOTE_TO_USERS);
  users = sa_account_users_dup (self);

  show_send_error (self, NULL);

  if ((sa_client_get_features (self->client) & SA_CLIENT_FEATURE_PORTAL_HAND_OFF) != 0)
    {
      const char * const values[] = { account_name, customer_email, account_domain,
                                      note_to_customer, note_to_users };

      hand_off (self, values, (const char * const *) users);
      return;
    }

  set_sending (self, TRUE);

  sa_ui_renew_cancellable (&self->cancellable);

  sa_client_create_account_request_async (self->client,
                                          account_name, customer_email, account_domain,
                                          note_to_customer,
                                          (const char * const *) users,
                                          note_to_users,
                                          self->cancellable,
                                          create_account_request_cb,
                                          self);
}

static void
edit_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  SaAccountRequestWizard *self = SA_ACCOUNT_REQUEST_WIZARD (widget);
  SaAccountRequestField field = sa_account_form_field_from_name (g_variant_get_string (param, NULL));

  if (field != SA_ACCOUNT_REQUEST_N_FIELDS && !self->sending)
    sa_account_form_go_to_field (self, field);
}

/**
 * sa_account_review_class_init:
 * @widget_class: the wizard's class
 *
 * Binds the page's template children and installs "wizard.edit" (the
 * pencils; the target is the field's name in %sa_account_form_names).
 */
void
sa_account_review_class_init (GtkWidgetClass *widget_class)
{
  SA_ACCOUNT_REQUEST_WIZARD_BIND (widget_class, "review_title", review.title);
  SA_ACCOUNT_REQUEST_WIZARD_BIND (widget_class, "send_error_box", review.send_error_box);
  SA_ACCOUNT_REQUEST_WIZARD_BIND (widget_class, "send_error_label", review.send_error_label);
  for (guint i = 0; i < SA_ACCOUNT_REQUEST_N_FIELDS; i++)
    {
      gtk_widget_class_bind_template_child_full (widget_class, row_ids[i], FALSE,
                                                 G_STRUCT_OFFSET (SaAccountRequestWizard, review.rows)
                                                 + i * sizeof (AdwActionRow *));
      gtk_widget_class_bind_template_child_full (widget_class, edit_ids[i], FALSE,
                                                 G_STRUCT_OFFSET (SaAccountRequestWizard, review.edit_buttons)
                                                 + i * sizeof (GtkButton *));
    }

  gtk_widget_class_install_action (widget_class, "wizard.edit", "s", edit_action);
}
