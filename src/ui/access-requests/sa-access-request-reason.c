/* sa-access-request-reason.c — the "reason" and "sent" pages of "Request
 * Access to an Existing Smart Account" (steps 7 and 8)
 *
 * The Reason for request (required, counted as it is typed, 500 characters
 * at most), then Send Request (POST /v1/access-requests). The server may
 * answer that several Smart Accounts share the domain (back to the chooser)
 * or that a request for the account is already pending (said here, with a
 * way to Your Access Requests). Once sent, the confirmation says who decides
 * and where to follow the request. With Cisco
 * (%SA_CLIENT_FEATURE_PORTAL_HAND_OFF) Send Request opens "Complete in
 * Cisco's Portal" instead (src/ui/hand-off/), as the Smart Account request's
 * review page does: "Done in the Portal" ends the wizard, the request kept
 * in the journal, which the watch follows until access is granted.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "sa-access-request-wizard-private.h"
#include "sa-hand-off-dialog.h"
#include "sa-ui-util.h"

/**
 * sa_access_reason_dup_text:
 * @self: the wizard
 *
 * Returns: (transfer full): the Reason for request exactly as typed
 */
char *
sa_access_reason_dup_text (SaAccessRequestWizard *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->reason.reason_view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

/**
 * sa_access_reason_is_valid:
 * @self: the wizard
 *
 * Returns: %TRUE when a reason is given and the core validator accepts it
 */
gboolean
sa_access_reason_is_valid (SaAccessRequestWizard *self)
{
  g_autofree char *reason = sa_access_reason_dup_text (self);
  g_autofree char *stripped = g_strstrip (g_strdup (reason));

  return *stripped != '\0' && sa_validate_reason (reason, NULL);
}

/**
 * sa_access_reason_update_summary:
 * @self: the wizard
 *
 * Names, above the reason, the Smart Account access is requested to.
 */
void
sa_access_reason_update_summary (SaAccessRequestWizard *self)
{
  g_autofree char *summary = NULL;

  if (self->selected_account != NULL)
    /* Translators: on the Reason for request page: %1$s a Smart Account name, %2$s its domain */
    summary = g_strdup_printf (_("Smart Account: %1$s (%2$s)"),
                               sa_smart_account_get_name (self->selected_account),
                               sa_smart_account_get_domain (self->selected_account));
  gtk_label_set_text (self->reason.account_summary_label, summary ? summary : "");
}

static void
on_reason_changed (GtkTextBuffer         *buffer,
                   SaAccessRequestWizard *self)
{
  g_autofree char *reason = sa_access_reason_dup_text (self);
  g_autofree char *counter = NULL;
  g_autoptr(GError) error = NULL;
  glong length = g_utf8_strlen (reason, -1);

  /* Translators: the reason's length as typed, and its limit: "42 / 500" */
  counter = g_strdup_printf (_("%1$ld / %2$d"), length, SA_MAX_REASON_LENGTH);
  gtk_label_set_text (self->reason.counter_label, counter);

  if (length > SA_MAX_REASON_LENGTH)
    gtk_widget_add_css_class (GTK_WIDGET (self->reason.counter_label), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->reason.counter_label), "error");

  if (length > 0 && !sa_validate_reason (reason, &error))
    gtk_label_set_text (self->reason.reason_error_label, error->message);
  else
    gtk_label_set_text (self->reason.reason_error_label, "");

  gtk_widget_set_visible (self->reason.send_error_note, FALSE);
  sa_access_request_wizard_changed (self);
}

static void
show_send_error (SaAccessRequestWizard *self,
                 const char            *message,
                 gboolean               duplicate)
{
  gtk_label_set_text (self->reason.send_error_label, message);
  gtk_widget_set_visible (self->reason.duplicate_button, duplicate);
  gtk_widget_set_visible (self->reason.send_error_note, TRUE);
}

static void
set_sending (SaAccessRequestWizard *self,
             gboolean               sending)
{
  self->sending = sending;
  gtk_text_view_set_editable (self->reason.reason_view, !sending);
  sa_wizard_set_busy (SA_WIZARD (self), sending);
}

static void
show_sent (SaAccessRequestWizard *self,
           SaAccessRequest       *request)
{
  SaSmartAccount *account = sa_access_request_get_smart_account (request);
  g_autofree char *description = NULL;

  if (account == NULL)
    account = self->selected_account;
  /* Translators: the confirmation; %1$s a Smart Account name, %2$s its domain */
  description = g_strdup_printf (_("Your request went to the administrators of the Smart Account “%1$s” (%2$s). "
                                   "They approve or deny it, and you are told of their answer. "
                                   "You can follow it under Your Access Requests."),
                                 account ? sa_smart_account_get_name (account) : "",
                                 account ? sa_smart_account_get_domain (account) : "");
  adw_status_page_set_description (self->sent_page.status_page, description);

  sa_wizard_show_page (SA_WIZARD (self), "sent", NULL);
}

static void
create_access_request_cb (GObject      *source,
                          GAsyncResult *result,
                          gpointer      user_data)
{
  SaAccessRequestWizard *self;
  g_autoptr(SaAccessRequest) request = NULL;
  g_autoptr(GListModel) candidates = NULL;
  g_autoptr(GError) error = NULL;

  request = sa_client_create_access_request_finish (SA_CLIENT (source), result, &candidates, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  self = SA_ACCESS_REQUEST_WIZARD (user_data);
  set_sending (self, FALSE);

  if (request == NULL)
    {
      g_debug ("Sending the access request failed: %s", error->message);

      if (g_error_matches (error, SA_CLIENT_ERROR, SA_CLIENT_ERROR_ACCOUNT_ID_REQUIRED) && candidates != NULL)
        {
          g_autofree char *domain = g_strdup (self->looked_up_domain);

          sa_access_domain_show_candidates (self, domain, candidates, TRUE);
          sa_wizard_show_page (SA_WIZARD (self), "domain", NULL);
          return;
        }

      if (g_error_matches (error, SA_CLIENT_ERROR, SA_CLIENT_ERROR_DUPLICATE_REQUEST))
        show_send_error (self,
                         _("You already have a pending request for this Smart Account. Its administrators have not "
                           "answered yet; you can send them a reminder from Your Access Requests."),
                         TRUE);
      else
        {
          g_autofree char *message = sa_error_dup_user_message (error);

          show_send_error (self, message, FALSE);
        }

      sa_wizard_update_navigation (SA_WIZARD (self));
      return;
    }

  self->sent = TRUE;
  self->sent_request = g_object_ref (request);
  sa_wizard_finish_draft (SA_WIZARD (self));
  show_sent (self, request);
  g_signal_emit_by_name (self, "sent", request);
}

static void
on_hand_off_response (GtkWindow             *dialog,
                      const char            *response,
                      SaAccessRequestWizard *self)
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

/* Cisco: the request is sent in Cisco Software Central with these values
 * (steps 1 to 7 there, the profile at step 5). */
static void
hand_off (SaAccessRequestWizard *self,
          const char            *domain,
          const char            *reason)
{
  g_autoptr(SaHandOff) hand_off = sa_hand_off_new (SA_HAND_OFF_REQUEST_ACCESS, domain);
  g_autoptr(GPtrArray) hand_offs = g_ptr_array_new_with_free_func (g_object_unref);
  SaHandOffDialog *dialog;

  sa_hand_off_set_field (hand_off, SA_HAND_OFF_FIELD_DOMAIN, domain);
  sa_hand_off_set_field (hand_off, SA_HAND_OFF_FIELD_ACCOUNT_NAME,
                         sa_smart_account_get_name (self->selected_account));
  sa_hand_off_set_field (hand_off, SA_HAND_OFF_FIELD_ACCOUNT_ID,
                         sa_smart_account_get_id (self->selected_account));
  sa_hand_off_set_field (hand_off, SA_HAND_OFF_FIELD_REASON, reason);
  g_ptr_array_add (hand_offs, g_steal_pointer (&hand_off));

  dialog = sa_hand_off_dialog_new (self->client, hand_offs, GTK_WIDGET (self));
  g_signal_connect (dialog, "response", G_CALLBACK (on_hand_off_response), self);
  gtk_window_present (GTK_WINDOW (dialog));
}

/**
 * sa_access_reason_send:
 * @self: the wizard
 *
 * Send Request (step 7 of "request access to an existing Smart Account"):
 * POST /v1/access-requests with the domain, the Smart Account chosen and the
 * reason; the confirmation (step 8) follows. With Cisco, opens "Complete in
 * Cisco's Portal" with the domain, the Account Name and the reason.
 */
void
sa_access_reason_send (SaAccessRequestWizard *self)
{
  g_autofree char *reason = sa_access_reason_dup_text (self);

  if (self->sending || self->sent || self->selected_account == NULL || !sa_access_reason_is_valid (self))
    return;

  sa_ui_renew_cancellable (&self->cancellable);

  gtk_widget_set_visible (self->reason.send_error_note, FALSE);

  if (self->hand_off)
    {
      hand_off (self,
                self->looked_up_domain ? self->looked_up_domain
                                       : sa_smart_account_get_domain (self->selected_account),
                reason);
      return;
    }

  set_sending (self, TRUE);

  sa_client_create_access_request_async (self->client,
                                         self->looked_up_domain ? self->looked_up_domain
                                                                : sa_smart_account_get_domain (self->selected_account),
                                         sa_smart_account_get_id (self->selected_account),
                                         reason,
                                         self->cancellable,
                                         create_access_request_cb,
                                         self);
}

/**
 * sa_access_request_wizard_set_reason:
 * @self: a #SaAccessRequestWizard
 * @reason: the Reason for request (step 7)
 *
 * Replaces the text of the Reason for request, as typing would.
 */
void
sa_access_request_wizard_set_reason (SaAccessRequestWizard *self,
                                     const char            *reason)
{
  g_return_if_fail (SA_IS_ACCESS_REQUEST_WIZARD (self));
  g_return_if_fail (reason != NULL);

  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->reason.reason_view), reason, -1);
}

static void
show_requests_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *param)
{
  SaAccessRequestWizard *self = SA_ACCESS_REQUEST_WIZARD (widget);

  g_object_ref (self);
  g_signal_emit_by_name (self, "show-access-requests");
  gtk_window_close (GTK_WINDOW (self));
  g_object_unref (self);
}

/**
 * sa_access_reason_class_init:
 * @widget_class: the wizard's class
 *
 * Binds the template children of the "reason" and "sent" pages and
 * installs "wizard.show-requests" (Your Access Requests).
 */
void
sa_access_reason_class_init (GtkWidgetClass *widget_class)
{
  SA_ACCESS_REQUEST_WIZARD_BIND (widget_class, "reason_label", reason.reason_label);
  SA_ACCESS_REQUEST_WIZARD_BIND (widget_class, "account_summary_label", reason.account_summary_label);
  SA_ACCESS_REQUEST_WIZARD_BIND (widget_class, "reason_view", reason.reason_view);
  SA_ACCESS_REQUEST_WIZARD_BIND (widget_class, "reason_error_label", reason.reason_error_label);
  SA_ACCESS_REQUEST_WIZARD_BIND (widget_class, "counter_label", reason.counter_label);
  SA_ACCESS_REQUEST_WIZARD_BIND (widget_class, "send_error_note", reason.send_error_note);
  SA_ACCESS_REQUEST_WIZARD_BIND (widget_class, "send_error_label", reason.send_error_label);
  SA_ACCESS_REQUEST_WIZARD_BIND (widget_class, "duplicate_button", reason.duplicate_button);
  SA_ACCESS_REQUEST_WIZARD_BIND (widget_class, "sent_page", sent_page.status_page);
  SA_ACCESS_REQUEST_WIZARD_BIND (widget_class, "show_requests_button", sent_page.show_requests_button);

  gtk_widget_class_install_action (widget_class, "wizard.show-requests", NULL, show_requests_action);
}

/**
 * sa_access_reason_init:
 * @self: the wizard, its template built
 *
 * Follows the Reason for request as it is typed; the counter starts at 0.
 */
void
sa_access_reason_init (SaAccessRequestWizard *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->reason.reason_view);

  g_signal_connect (buffer, "changed", G_CALLBACK (on_reason_changed), self);

  self->quiet = TRUE;
  on_reason_changed (buffer, self);
  self->quiet = FALSE;
}
