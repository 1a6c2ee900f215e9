/* sa-account-request-wizard.c — the "Request a Smart Account" wizard
 *
 * Mirrors steps 2 to 6 of "How do I request a Smart Account for a customer":
 * "Identify Account Name and Customer" (step 3 a), "Add Users to the Account"
 * (step 3 b), "Review Request" with Send Request (steps 4 and 5), and the
 * result: the provisional Smart Account, Pending customer acceptance, the date
 * the request expires and what happens next (step 6).
 *
 * Every field is checked as it is typed with the core validators and the
 * message is shown at the field; Next stays off until the page is valid. The
 * form is a draft (sa-draft.h) saved 300 ms after each change, offered again
 * when the wizard opens, and removed once the request is sent.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "sa-account-request-wizard.h"
#include "sa-procedure-panel.h"
#include "sa-ui-util.h"

#define SAVE_DELAY_MS 300

typedef enum
{
  FIELD_ACCOUNT_NAME,
  FIELD_CUSTOMER_EMAIL,
  FIELD_ACCOUNT_DOMAIN,
  FIELD_NOTE_TO_CUSTOMER,
  FIELD_USERS,
  FIELD_NOTE_TO_USERS,
  N_FIELDS
} Field;

/* The Desk API's names of the fields (also the draft's keys and the targets
 * of the review page's edit buttons). */
static const char * const field_keys[N_FIELDS] = {
  "accountName", "customerEmail", "accountDomain", "noteToCustomer", "users", "noteToUsers",
};

struct _SaAccountRequestWizard
{
  AdwWindow         parent_instance;

  SaClient         *client;
  GCancellable     *cancellable;
  GSettings        *settings;
  GtkStringList    *users;
  SaAccountRequest *request;
  GVariant         *draft;
  char             *taken_domain;
  GHashTable       *server_errors;     /* field key → translated message */
  guint             save_source;
  gboolean          touched[N_FIELDS];
  guint             draft_checked : 1;
  guint             restoring : 1;
  guint             sending : 1;
  guint             sent : 1;
  guint             assign_mode : 1;

  GtkWidget        *field_widgets[N_FIELDS];
  GtkLabel         *field_messages[N_FIELDS];

  AdwWindowTitle   *window_title;
  GtkButton        *back_button;
  GtkButton        *next_button;
  GtkButton        *send_button;
  GtkSpinner       *send_spinner;
  GtkToggleButton  *procedure_button;
  GtkRevealer      *procedure_revealer;
  SaProcedurePanel *procedure_panel;
  GtkStack         *page_stack;
  AdwStatusPage    *draft_page;
  GtkButton        *continue_button;
  GtkButton        *start_over_button;
  AdwEntryRow      *account_name_row;
  GtkLabel         *account_name_message;
  AdwEntryRow      *customer_email_row;
  GtkLabel         *customer_email_message;
  AdwEntryRow      *account_domain_row;
  GtkLabel         *account_domain_message;
  GtkWidget        *domain_taken_box;
  GtkButton        *request_access_button;
  GtkTextView      *note_to_customer_view;
  GtkLabel         *note_to_customer_message;
  AdwEntryRow      *user_entry_row;
  GtkLabel         *user_entry_message;
  GtkButton        *add_user_button;
  GtkListBox       *users_list;
  GtkLabel         *users_count_label;
  GtkTextView      *note_to_users_view;
  GtkLabel         *note_to_users_message;
  AdwActionRow     *review_account_name_row;
  AdwActionRow     *review_customer_email_row;
  AdwActionRow     *review_account_domain_row;
  AdwActionRow     *review_note_to_customer_row;
  AdwActionRow     *review_users_row;
  AdwActionRow     *review_note_to_users_row;
  GtkWidget        *send_error_box;
  GtkLabel         *send_error_label;
  AdwStatusPage    *result_page;
  AdwActionRow     *result_account_row;
  GtkLabel         *result_status_pill;
  AdwActionRow     *result_expires_row;
  GtkLabel         *result_next_label;
  GtkButton        *assign_button;
  GtkButton        *done_button;
  GtkLabel         *identify_title;
  GtkLabel         *note_to_customer_label;
  GtkLabel         *review_title;
  GtkButton        *edit_account_name_button;
  GtkButton        *edit_customer_email_button;
  GtkButton        *edit_account_domain_button;
  GtkButton        *edit_note_to_customer_button;
  GtkButton        *edit_users_button;
  GtkButton        *edit_note_to_users_button;
};

G_DEFINE_FINAL_TYPE (SaAccountRequestWizard, sa_account_request_wizard, ADW_TYPE_WINDOW)

enum {
  REQUEST_SENT,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void update_actions (SaAccountRequestWizard *self);

/* ---- Reading the form ---- */

static char *
dup_field_text (SaAccountRequestWizard *self,
                Field                   field)
{
  GtkWidget *widget = self->field_widgets[field];

  if (GTK_IS_TEXT_VIEW (widget))
    {
      GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (widget));
      GtkTextIter start, end;

      gtk_text_buffer_get_bounds (buffer, &start, &end);
      return g_strchomp (gtk_text_buffer_get_text (buffer, &start, &end, FALSE));
    }

  return g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (widget))));
}

static void
set_field_text (SaAccountRequestWizard *self,
                Field                   field,
                const char             *text)
{
  GtkWidget *widget = self->field_widgets[field];

  if (GTK_IS_TEXT_VIEW (widget))
    gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (widget)), text ? text : "", -1);
  else
    gtk_editable_set_text (GTK_EDITABLE (widget), text ? text : "");
}

static char **
dup_users (SaAccountRequestWizard *self)
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

static gboolean
users_contain (SaAccountRequestWizard *self,
               const char             *address)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->users));

  for (guint i = 0; i < n; i++)
    if (same_address (gtk_string_list_get_string (self->users, i), address))
      return TRUE;

  return FALSE;
}

/* ---- Checking the form ---- */

static char *
dup_too_many_users_message (void)
{
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "A request can add at most %u user.",
                                       "A request can add at most %u users.",
                                       SA_MAX_USERS),
                          (guint) SA_MAX_USERS);
}

/* What the user is typing in "User Emails" and has not added yet. */
static gboolean
check_pending_users (SaAccountRequestWizard  *self,
                     char                   **message)
{
  g_auto(GStrv) tokens = split_addresses (gtk_editable_get_text (GTK_EDITABLE (self->user_entry_row)));
  guint count = g_list_model_get_n_items (G_LIST_MODEL (self->users));

  for (guint i = 0; tokens[i] != NULL; i++)
    {
      g_autoptr(GError) error = NULL;
      gboolean duplicate = users_contain (self, tokens[i]);

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

/* Whether @field holds an acceptable value; if not, *message (when not NULL)
 * receives the translated reason. */
static gboolean
check_field (SaAccountRequestWizard  *self,
             Field                    field,
             char                   **message)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_autofree char *reason = NULL;
  const char *server_message;
  gboolean valid = TRUE;

  server_message = g_hash_table_lookup (self->server_errors, field_keys[field]);
  if (server_message != NULL)
    {
      if (message != NULL)
        *message = g_strdup (server_message);
      return FALSE;
    }

  if (field != FIELD_USERS)
    text = dup_field_text (self, field);

  switch (field)
    {
    case FIELD_ACCOUNT_NAME:
      valid = sa_validate_account_name (text, &error);
      break;

    case FIELD_CUSTOMER_EMAIL:
      valid = sa_validate_email (text, &error);
      break;

    case FIELD_ACCOUNT_DOMAIN:
      if (self->taken_domain != NULL && g_ascii_strcasecmp (text, self->taken_domain) == 0)
        {
          reason = g_strdup (_("A Smart Account already exists for this Account Domain."));
          valid = FALSE;
        }
      else
        valid = sa_validate_domain (text, &error);
      break;

    case FIELD_NOTE_TO_CUSTOMER:
    case FIELD_NOTE_TO_USERS:
      valid = *text == '\0' || sa_validate_note (text, &error);
      break;

    case FIELD_USERS:
      {
        g_auto(GStrv) users = dup_users (self);
        guint bad_index = 0;

        if (!sa_validate_user_emails ((const char * const *) users, &bad_index, &error))
          valid = FALSE;
        else
          valid = check_pending_users (self, &reason);
      }
      break;

    case N_FIELDS:
    default:
      g_assert_not_reached ();
    }

  if (!valid && message != NULL)
    *message = reason != NULL ? g_steal_pointer (&reason)
                              : g_strdup (error != NULL ? error->message : "");

  return valid;
}

static const char *
get_hint (SaAccountRequestWizard *self,
          Field                   field)
{
  switch (field)
    {
    case FIELD_ACCOUNT_NAME:
      return _("The name under which the customer will know the account, e.g. Acme Industrie.");
    case FIELD_CUSTOMER_EMAIL:
      return _("The person at the customer who approves the creation of the account.");
    case FIELD_ACCOUNT_DOMAIN:
      return _("The customer's Internet domain, e.g. acme-industrie.fr.");
    case FIELD_USERS:
      return _("Separate several addresses with commas, semicolons, spaces or line breaks.");
    case FIELD_NOTE_TO_CUSTOMER:
    case FIELD_NOTE_TO_USERS:
      return _("Optional. Up to 1,000 characters.");
    case N_FIELDS:
    default:
      g_assert_not_reached ();
    }
}

static void
update_field_display (SaAccountRequestWizard *self,
                      Field                   field)
{
  g_autofree char *message = NULL;
  GtkWidget *widget = self->field_widgets[field];
  GtkWidget *label = GTK_WIDGET (self->field_messages[field]);
  gboolean show_error;

  show_error = !check_field (self, field, &message) &&
               (self->touched[field] || g_hash_table_contains (self->server_errors, field_keys[field]));

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
      gtk_label_set_text (GTK_LABEL (label), get_hint (self, field));
      gtk_widget_remove_css_class (label, "error");
      gtk_widget_add_css_class (label, "dim-label");
      gtk_widget_remove_css_class (widget, "error");
      gtk_accessible_reset_state (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_STATE_INVALID);
    }

  if (field == FIELD_ACCOUNT_DOMAIN)
    {
      g_autofree char *domain = dup_field_text (self, FIELD_ACCOUNT_DOMAIN);

      gtk_widget_set_visible (self->domain_taken_box,
                              self->taken_domain != NULL &&
                              g_ascii_strcasecmp (domain, self->taken_domain) == 0);
    }
}

static void
update_users_display (SaAccountRequestWizard *self)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->users));
  g_autofree char *text = NULL;

  gtk_widget_set_visible (GTK_WIDGET (self->users_list), n > 0);
  if (n == 0)
    text = g_strdup (_("No users added yet. You can also add them later."));
  else
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                         "%u user will be added to the account.",
                                         "%u users will be added to the account.",
                                         n),
                            n);
  gtk_label_set_text (self->users_count_label, text);
}

static void
update_all_fields (SaAccountRequestWizard *self)
{
  for (guint i = 0; i < N_FIELDS; i++)
    update_field_display (self, i);
  update_users_display (self);
  update_actions (self);
}

static gboolean
fields_valid (SaAccountRequestWizard *self,
              Field                   first,
              Field                   last)
{
  for (guint i = first; i <= last; i++)
    if (!check_field (self, i, NULL))
      return FALSE;

  return TRUE;
}

static Field
first_invalid_field (SaAccountRequestWizard *self)
{
  for (guint i = 0; i < N_FIELDS; i++)
    if (!check_field (self, i, NULL))
      return i;

  return N_FIELDS;
}

/* ---- The draft ---- */

static gboolean
form_is_empty (SaAccountRequestWizard *self)
{
  if (g_list_model_get_n_items (G_LIST_MODEL (self->users)) > 0)
    return FALSE;
  if (*gtk_editable_get_text (GTK_EDITABLE (self->user_entry_row)) != '\0')
    return FALSE;

  for (guint i = 0; i < N_FIELDS; i++)
    {
      g_autofree char *text = NULL;

      if (i == FIELD_USERS)
        continue;
      text = dup_field_text (self, i);
      if (*text != '\0')
        return FALSE;
    }

  return TRUE;
}

static GVariant *
build_draft (SaAccountRequestWizard *self)
{
  g_auto(GVariantBuilder) builder = G_VARIANT_BUILDER_INIT (G_VARIANT_TYPE_VARDICT);
  g_auto(GStrv) users = dup_users (self);
  const char *page = gtk_stack_get_visible_child_name (self->page_stack);

  for (guint i = 0; i < N_FIELDS; i++)
    {
      GtkWidget *widget = self->field_widgets[i];
      g_autofree char *text = NULL;

      if (i == FIELD_USERS)
        continue;

      /* Kept exactly as typed, spaces included. */
      if (GTK_IS_TEXT_VIEW (widget))
        {
          GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (widget));
          GtkTextIter start, end;

          gtk_text_buffer_get_bounds (buffer, &start, &end);
          text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
        }
      else
        text = g_strdup (gtk_editable_get_text (GTK_EDITABLE (widget)));

      g_variant_builder_add (&builder, "{sv}", field_keys[i], g_variant_new_string (text));
    }

  g_variant_builder_add (&builder, "{sv}", "users",
                         g_variant_new_strv ((const char * const *) users, -1));
  g_variant_builder_add (&builder, "{sv}", "pendingUsers",
                         g_variant_new_string (gtk_editable_get_text (GTK_EDITABLE (self->user_entry_row))));
  if (g_strcmp0 (page, "users") == 0 || g_strcmp0 (page, "review") == 0)
    g_variant_builder_add (&builder, "{sv}", "page", g_variant_new_string (page));

  return g_variant_builder_end (&builder);
}

static void
draft_saved_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  if (!sa_draft_save_finish (result, &error))
    g_debug ("Saving the Smart Account request draft failed: %s", error->message);
}

static void
draft_removed_cb (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  if (!sa_draft_remove_finish (result, &error))
    g_debug ("Removing the Smart Account request draft failed: %s", error->message);
}

/* Not cancellable on purpose: a save started as the window closes must land. */
static void
save_draft_now (SaAccountRequestWizard *self)
{
  g_clear_handle_id (&self->save_source, g_source_remove);

  if (!self->draft_checked || self->sent)
    return;

  if (form_is_empty (self))
    sa_draft_remove_async (SA_DRAFT_ACCOUNT_REQUEST, NULL, draft_removed_cb, NULL);
  else
    sa_draft_save_async (SA_DRAFT_ACCOUNT_REQUEST, build_draft (self), NULL, draft_saved_cb, NULL);
}

static gboolean
save_timeout_cb (gpointer user_data)
{
  SaAccountRequestWizard *self = SA_ACCOUNT_REQUEST_WIZARD (user_data);

  self->save_source = 0;
  save_draft_now (self);

  return G_SOURCE_REMOVE;
}

static void
schedule_save (SaAccountRequestWizard *self)
{
  if (!self->draft_checked || self->sent || self->restoring)
    return;

  g_clear_handle_id (&self->save_source, g_source_remove);
  self->save_source = g_timeout_add (SAVE_DELAY_MS, save_timeout_cb, self);
}

static const char *
lookup_draft_string (GVariant   *draft,
                     const char *key)
{
  const char *value = NULL;

  if (!g_variant_lookup (draft, key, "&s", &value))
    return "";

  return value;
}

/* ---- Pages ---- */

static void
update_procedure (SaAccountRequestWizard *self)
{
  const char *page = gtk_stack_get_visible_child_name (self->page_stack);
  const char *step;
  const char *text;

  if (g_strcmp0 (page, "draft") == 0)
    {
      /* Translators: a step of the documented procedure "request a Smart Account for a customer" */
      step = _("Step 2");
      text = _("This is where the portal's “Request a Smart Account” begins. You started a request earlier "
               "without sending it; it was kept for you. Continue it, or start again with an empty form.");
    }
  else if (g_strcmp0 (page, "users") == 0)
    {
      /* Translators: part b of step 3 of the documented procedure */
      step = _("Step 3, part b");
      text = _("In “Add Users to the Account”, list the e-mail addresses of the people who should use the new "
               "account, with a Note to Added Users if needed. Nobody is required: users can be added later.");
    }
  else if (g_strcmp0 (page, "review") == 0)
    {
      step = _("Steps 4 and 5");
      text = _("Look over the whole request on “Review Request”. Each pencil takes you back to its field. When "
               "everything is right, select Send Request.");
    }
  else if (g_strcmp0 (page, "result") == 0)
    {
      step = _("Step 6");
      text = _("The provisional Smart Account has been created, Pending customer acceptance. The customer gets an "
               "e-mail explaining how to activate it; you get a confirmation once they have. Without their "
               "acceptance within 90 days, the request lapses.");
    }
  else
    {
      /* Translators: part a of step 3 of the documented procedure */
      step = _("Step 3, part a");
      text = _("In “Identify Account Name and Customer”, give the new account a name, the e-mail address of the "
               "person at the customer who will approve it, and the customer's Account Domain. A Note to "
               "Customer is optional.");
    }

  sa_procedure_panel_set_step (self->procedure_panel, step, text);
}

static void
update_actions (SaAccountRequestWizard *self)
{
  const char *page = gtk_stack_get_visible_child_name (self->page_stack);
  gboolean identify = g_strcmp0 (page, "identify") == 0;
  gboolean users = g_strcmp0 (page, "users") == 0;
  gboolean review = g_strcmp0 (page, "review") == 0;
  gboolean can_next = FALSE;

  if (identify)
    can_next = fields_valid (self, FIELD_ACCOUNT_NAME, FIELD_NOTE_TO_CUSTOMER);
  else if (users)
    can_next = fields_valid (self, FIELD_USERS, FIELD_NOTE_TO_USERS);

  gtk_widget_set_visible (GTK_WIDGET (self->back_button), users || review);
  gtk_widget_set_visible (GTK_WIDGET (self->next_button), identify || users);
  gtk_widget_set_visible (GTK_WIDGET (self->send_button), review);
  gtk_widget_set_visible (GTK_WIDGET (self->send_spinner), self->sending);
  gtk_spinner_set_spinning (self->send_spinner, self->sending);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "wizard.next", can_next && !self->sending);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "wizard.back", (users || review) && !self->sending);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "wizard.send",
                                 review && !self->sending && first_invalid_field (self) == N_FIELDS);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "wizard.edit", review && !self->sending);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "wizard.add-users",
                                 *gtk_editable_get_text (GTK_EDITABLE (self->user_entry_row)) != '\0');
}

static void
set_review_row (AdwActionRow *row,
                const char   *value)
{
  adw_action_row_set_subtitle (row, value != NULL && *value != '\0' ? value : _("None"));
}

static void
fill_review (SaAccountRequestWizard *self)
{
  AdwActionRow *rows[N_FIELDS] = {
    self->review_account_name_row, self->review_customer_email_row, self->review_account_domain_row,
    self->review_note_to_customer_row, self->review_users_row, self->review_note_to_users_row,
  };

  for (guint i = 0; i < N_FIELDS; i++)
    {
      g_autofree char *text = NULL;

      if (i == FIELD_USERS)
        {
          g_auto(GStrv) users = dup_users (self);

          text = g_strjoinv (", ", users);
        }
      else
        text = dup_field_text (self, i);

      set_review_row (rows[i], text);
    }
}

static void
go_to_page (SaAccountRequestWizard *self,
            const char             *page,
            GtkWidget              *focus)
{
  const char *subtitle = NULL;
  GtkWidget *default_widget = NULL;

  if (g_strcmp0 (page, "review") == 0)
    fill_review (self);

  gtk_stack_set_visible_child_name (self->page_stack, page);

  if (g_strcmp0 (page, "identify") == 0)
    {
      subtitle = _("Step 1 of 3");
      default_widget = GTK_WIDGET (self->next_button);
    }
  else if (g_strcmp0 (page, "users") == 0)
    {
      subtitle = _("Step 2 of 3");
      default_widget = GTK_WIDGET (self->next_button);
    }
  else if (g_strcmp0 (page, "review") == 0)
    {
      subtitle = _("Step 3 of 3");
      default_widget = GTK_WIDGET (self->send_button);
    }
  else if (g_strcmp0 (page, "result") == 0)
    default_widget = GTK_WIDGET (self->done_button);
  else if (g_strcmp0 (page, "draft") == 0)
    default_widget = GTK_WIDGET (self->continue_button);

  adw_window_title_set_subtitle (self->window_title, subtitle ? subtitle : "");
  gtk_window_set_default_widget (GTK_WINDOW (self), default_widget);

  update_actions (self);
  update_procedure (self);
  schedule_save (self);

  if (focus == NULL)
    focus = default_widget;
  if (focus != NULL)
    gtk_widget_grab_focus (focus);
}

static GtkWidget *
page_focus_widget (SaAccountRequestWizard *self,
                   const char             *page)
{
  if (g_strcmp0 (page, "identify") == 0)
    return GTK_WIDGET (self->account_name_row);
  if (g_strcmp0 (page, "users") == 0)
    return GTK_WIDGET (self->user_entry_row);

  return NULL;
}

static void
go_to_field (SaAccountRequestWizard *self,
             Field                   field)
{
  const char *page = field <= FIELD_NOTE_TO_CUSTOMER ? "identify" : "users";
  GtkWidget *focus = field == FIELD_USERS ? GTK_WIDGET (self->user_entry_row) : self->field_widgets[field];

  go_to_page (self, page, focus);
}

/* ---- Users ---- */

static void
on_remove_user_clicked (GtkButton              *button,
                        SaAccountRequestWizard *self)
{
  const char *address = g_object_get_data (G_OBJECT (button), "sa-address");
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->users));

  for (guint i = 0; i < n; i++)
    if (g_strcmp0 (gtk_string_list_get_string (self->users, i), address) == 0)
      {
        gtk_string_list_remove (self->users, i);
        break;
      }
}

static GtkWidget *
create_user_row (gpointer item,
                 gpointer user_data)
{
  SaAccountRequestWizard *self = SA_ACCOUNT_REQUEST_WIZARD (user_data);
  const char *address = gtk_string_object_get_string (GTK_STRING_OBJECT (item));
  g_autofree char *remove_label = NULL;
  GtkWidget *row;
  GtkWidget *button;

  row = adw_action_row_new ();
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), address);

  /* Translators: accessible label of the button that removes %s from the users to add */
  remove_label = g_strdup_printf (_("Remove %s"), address);
  button = gtk_button_new_from_icon_name ("user-trash-symbolic");
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_tooltip_text (button, remove_label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, remove_label,
                                  -1);
  g_object_set_data_full (G_OBJECT (button), "sa-address", g_strdup (address), g_free);
  g_signal_connect_object (button, "clicked", G_CALLBACK (on_remove_user_clicked), self, 0);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);

  return row;
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

  self->touched[FIELD_USERS] = TRUE;
  g_hash_table_remove (self->server_errors, field_keys[FIELD_USERS]);
  update_field_display (self, FIELD_USERS);
  update_users_display (self);
  update_actions (self);
  schedule_save (self);
}

/* Adds every acceptable address typed or pasted in "User Emails"; the
 * refused ones (malformed, already listed, over the limit) stay in the entry
 * with the reason shown under it. */
static void
add_pending_users (SaAccountRequestWizard *self)
{
  g_auto(GStrv) tokens = split_addresses (gtk_editable_get_text (GTK_EDITABLE (self->user_entry_row)));
  g_autoptr(GPtrArray) refused = g_ptr_array_new ();
  g_autofree char *rest = NULL;

  for (guint i = 0; tokens[i] != NULL; i++)
    {
      if (sa_validate_email (tokens[i], NULL) &&
          !users_contain (self, tokens[i]) &&
          g_list_model_get_n_items (G_LIST_MODEL (self->users)) < SA_MAX_USERS)
        gtk_string_list_append (self->users, tokens[i]);
      else
        g_ptr_array_add (refused, tokens[i]);
    }
  g_ptr_array_add (refused, NULL);

  rest = g_strjoinv (", ", (char **) refused->pdata);
  gtk_editable_set_text (GTK_EDITABLE (self->user_entry_row), rest);
  self->touched[FIELD_USERS] = TRUE;
  update_field_display (self, FIELD_USERS);
  update_actions (self);
}

/* ---- Field changes ---- */

static void
field_changed (SaAccountRequestWizard *self,
               Field                   field)
{
  if (self->restoring)
    return;

  self->touched[field] = TRUE;
  g_hash_table_remove (self->server_errors, field_keys[field]);
  update_field_display (self, field);
  update_actions (self);
  schedule_save (self);
}

static void
on_entry_changed (GtkEditable            *editable,
                  SaAccountRequestWizard *self)
{
  for (guint i = 0; i < N_FIELDS; i++)
    if (self->field_widgets[i] == GTK_WIDGET (editable))
      field_changed (self, i);
}

static void
on_buffer_changed (GtkTextBuffer          *buffer,
                   SaAccountRequestWizard *self)
{
  if (buffer == gtk_text_view_get_buffer (self->note_to_customer_view))
    field_changed (self, FIELD_NOTE_TO_CUSTOMER);
  else
    field_changed (self, FIELD_NOTE_TO_USERS);
}

static void
on_user_entry_activated (AdwEntryRow            *row,
                         SaAccountRequestWizard *self)
{
  if (*gtk_editable_get_text (GTK_EDITABLE (row)) != '\0')
    add_pending_users (self);
  else if (gtk_widget_is_sensitive (GTK_WIDGET (self->next_button)))
    gtk_widget_activate_action (GTK_WIDGET (self), "wizard.next", NULL);
}

/* ---- Loading and applying the draft ---- */

static void
restore_draft (SaAccountRequestWizard *self,
               GVariant               *draft)
{
  g_autofree const char **users = NULL;

  self->restoring = TRUE;

  for (guint i = 0; i < N_FIELDS; i++)
    if (i != FIELD_USERS)
      set_field_text (self, i, lookup_draft_string (draft, field_keys[i]));

  if (!g_variant_lookup (draft, "users", "^a&s", &users))
    users = NULL;
  gtk_string_list_splice (self->users, 0, g_list_model_get_n_items (G_LIST_MODEL (self->users)),
                          (const char * const *) users);
  gtk_editable_set_text (GTK_EDITABLE (self->user_entry_row), lookup_draft_string (draft, "pendingUsers"));

  self->restoring = FALSE;

  /* Show what is wrong with what was kept. */
  for (guint i = 0; i < N_FIELDS; i++)
    {
      g_autofree char *text = i == FIELD_USERS ? NULL : dup_field_text (self, i);

      self->touched[i] = text != NULL && *text != '\0';
    }
  self->touched[FIELD_USERS] = TRUE;
  update_all_fields (self);
}

static void
clear_form (SaAccountRequestWizard *self)
{
  self->restoring = TRUE;
  for (guint i = 0; i < N_FIELDS; i++)
    if (i != FIELD_USERS)
      set_field_text (self, i, "");
  gtk_string_list_splice (self->users, 0, g_list_model_get_n_items (G_LIST_MODEL (self->users)), NULL);
  gtk_editable_set_text (GTK_EDITABLE (self->user_entry_row), "");
  self->restoring = FALSE;

  memset (self->touched, 0, sizeof self->touched);
  g_hash_table_remove_all (self->server_errors);
  g_clear_pointer (&self->taken_domain, g_free);
  update_all_fields (self);
}

static void
draft_loaded_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  SaAccountRequestWizard *self;
  g_autoptr(GVariant) draft = NULL;
  g_autoptr(GError) error = NULL;
  const char *name;
  g_autofree char *description = NULL;

  draft = sa_draft_load_finish (result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  self = SA_ACCOUNT_REQUEST_WIZARD (user_data);

  if (error != NULL)
    g_debug ("The Smart Account request draft could not be read: %s", error->message);

  if (draft == NULL || !g_variant_is_of_type (draft, G_VARIANT_TYPE_VARDICT))
    {
      self->draft_checked = TRUE;
      if (!form_is_empty (self))
        schedule_save (self);
      return;
    }

  self->draft = g_steal_pointer (&draft);
  name = lookup_draft_string (self->draft, field_keys[FIELD_ACCOUNT_NAME]);
  if (*name != '\0')
    description = g_strdup_printf (_("You started a request for “%s” and did not send it. "
                                     "Continue where you left off, or start over with an empty form."),
                                   name);
  else
    description = g_strdup (_("You started a request and did not send it. "
                              "Continue where you left off, or start over with an empty form."));
  adw_status_page_set_description (self->draft_page, description);
  go_to_page (self, "draft", NULL);
}

/* ---- Sending ---- */

static Field
field_from_server_key (const char *key)
{
  if (g_str_has_prefix (key, "users"))
    return FIELD_USERS;

  for (guint i = 0; i < N_FIELDS; i++)
    if (g_strcmp0 (key, field_keys[i]) == 0)
      return i;

  return N_FIELDS;
}

static char *
dup_server_field_message (SaAccountRequestWizard *self,
                          Field                   field,
                          const char             *key)
{
  switch (field)
    {
    case FIELD_ACCOUNT_NAME:
      return g_strdup (_("The server did not accept this Account Name. Use 1 to 100 characters, without control characters."));
    case FIELD_CUSTOMER_EMAIL:
      return g_strdup (_("The server did not accept this e-mail address. Check it for typing mistakes."));
    case FIELD_ACCOUNT_DOMAIN:
      return g_strdup (_("The server did not accept this Account Domain. Check it for typing mistakes."));
    case FIELD_NOTE_TO_CUSTOMER:
    case FIELD_NOTE_TO_USERS:
      return g_strdup (_("The server did not accept this note. Keep it under 1,000 characters."));
    case FIELD_USERS:
      {
        const char *bracket = strchr (key, '[');
        guint64 index = 0;

        if (bracket != NULL)
          {
            /* "users[2]": the third address of the list. */
            g_autofree char *digits = g_strndup (bracket + 1, strcspn (bracket + 1, "]"));

            if (g_ascii_string_to_unsigned (digits, 10, 0, G_MAXUINT, &index, NULL) &&
                index < g_list_model_get_n_items (G_LIST_MODEL (self->users)))
              return g_strdup_printf (_("The server did not accept the user e-mail “%s”. Correct it or remove it."),
                                      gtk_string_list_get_string (self->users, index));
          }

        return g_strdup (_("The server did not accept the user e-mails. Check them for typing mistakes."));
      }
    case N_FIELDS:
    default:
      g_assert_not_reached ();
    }
}

static void
show_send_error (SaAccountRequestWizard *self,
                 const char             *message)
{
  gtk_label_set_text (self->send_error_label, message ? message : "");
  gtk_widget_set_visible (self->send_error_box, message != NULL);
}

static void
show_result (SaAccountRequestWizard *self)
{
  SaSmartAccount *account = sa_account_request_get_smart_account (self->request);
  const char *name = sa_account_request_get_account_name (self->request);
  const char *domain = sa_account_request_get_account_domain (self->request);
  GDateTime *expires = sa_account_request_get_expires_date (self->request);
  g_autofree char *account_text = NULL;
  g_autofree char *description = NULL;
  g_autofree char *date = NULL;
  g_autofree char *next = NULL;

  if (account != NULL)
    {
      name = sa_smart_account_get_name (account);
      domain = sa_smart_account_get_domain (account);
    }

  if (expires != NULL)
    {
      g_autoptr(GDateTime) local = g_date_time_to_local (expires);

      /* Translators: how a date alone is written, as g_date_time_format()
       * takes it; e.g. "%d/%m/%Y". The UI language decides, not LC_TIME. */
      date = g_date_time_format (local, _("%Y-%m-%d"));
    }
  if (date == NULL)
    /* Translators: stands for the expiry date in "If nobody accepts by %2$s". */
    date = g_strdup (_("the end of the 90 days"));

  /* Translators: a Smart Account: "Acme Industrie (acme-industrie.fr)" */
  account_text = g_strdup_printf (_("%1$s (%2$s)"), name ? name : "", domain ? domain : "");
  adw_action_row_set_subtitle (self->result_account_row, account_text);
  sa_ui_set_pill (self->result_status_pill,
                  sa_account_request_status_get_label (sa_account_request_get_status (self->request)),
                  "warning");
  adw_action_row_set_subtitle (self->result_expires_row, date);

  description = g_strdup_printf (_("The provisional Smart Account “%s” now exists, Pending customer acceptance. "
                                   "You can already assign orders to it."),
                                 name ? name : "");
  adw_status_page_set_description (self->result_page, description);

  next = g_strdup_printf (_("Cisco e-mails %1$s with instructions to accept and activate the account. Once "
                            "the customer has accepted, you receive a confirmation e-mail and the account "
                            "becomes Active, ready to receive licenses. If nobody accepts by %2$s, the request "
                            "expires and the customer is told by e-mail; a new request is then needed."),
                          sa_account_request_get_customer_email (self->request), date);
  gtk_label_set_text (self->result_next_label, next);

  gtk_widget_set_visible (GTK_WIDGET (self->assign_button), self->assign_mode);
  go_to_page (self, "result", self->assign_mode ? GTK_WIDGET (self->assign_button) : NULL);
}

static void
create_account_request_cb (GObject      *source,
                           GAsyncResult *result,
                           gpointer      user_data)
{
  SaAccountRequestWizard *self;
  g_autoptr(SaAccountRequest) request = NULL;
  g_autoptr(GHashTable) fields = NULL;
  g_autoptr(GError) error = NULL;

  request = sa_client_create_account_request_finish (SA_CLIENT (source), result, &fields, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  self = SA_ACCOUNT_REQUEST_WIZARD (user_data);
  self->sending = FALSE;

  if (request != NULL)
    {
      self->request = g_steal_pointer (&request);
      self->sent = TRUE;
      g_clear_handle_id (&self->save_source, g_source_remove);
      sa_draft_remove_async (SA_DRAFT_ACCOUNT_REQUEST, NULL, draft_removed_cb, NULL);
      show_result (self);
      g_signal_emit (self, signals[REQUEST_SENT], 0, self->request);
      return;
    }

  g_debug ("Sending the Smart Account request failed: %s", error->message);

  if (g_error_matches (error, SA_CLIENT_ERROR, SA_CLIENT_ERROR_DOMAIN_TAKEN))
    {
      g_free (self->taken_domain);
      self->taken_domain = dup_field_text (self, FIELD_ACCOUNT_DOMAIN);
      self->touched[FIELD_ACCOUNT_DOMAIN] = TRUE;
      update_all_fields (self);
      go_to_field (self, FIELD_ACCOUNT_DOMAIN);
      return;
    }

  if (g_error_matches (error, SA_CLIENT_ERROR, SA_CLIENT_ERROR_VALIDATION_FAILED) && fields != NULL)
    {
      GHashTableIter iter;
      gpointer key, value;
      gboolean any = FALSE;

      g_hash_table_iter_init (&iter, fields);
      while (g_hash_table_iter_next (&iter, &key, &value))
        {
          Field field = field_from_server_key (key);

          g_debug ("The server refused %s: %s", (const char *) key, (const char *) value);
          if (field == N_FIELDS)
            continue;

          g_hash_table_replace (self->server_errors, g_strdup (field_keys[field]),
                                dup_server_field_message (self, field, key));
          self->touched[field] = TRUE;
          any = TRUE;
        }

      if (any)
        {
          update_all_fields (self);
          go_to_field (self, first_invalid_field (self));
          return;
        }
    }

  {
    g_autofree char *message = sa_error_dup_user_message (error);

    show_send_error (self, message);
    update_actions (self);
  }
}

/* ---- Actions ---- */

static void
next_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  SaAccountRequestWizard *self = SA_ACCOUNT_REQUEST_WIZARD (widget);
  const char *page = gtk_stack_get_visible_child_name (self->page_stack);

  if (g_strcmp0 (page, "identify") == 0)
    {
      if (fields_valid (self, FIELD_ACCOUNT_NAME, FIELD_NOTE_TO_CUSTOMER))
        go_to_page (self, "users", GTK_WIDGET (self->user_entry_row));
    }
  else if (g_strcmp0 (page, "users") == 0)
    {
      if (!fields_valid (self, FIELD_USERS, FIELD_NOTE_TO_USERS))
        return;
      /* Addresses typed but not yet added go with the rest. */
      if (*gtk_editable_get_text (GTK_EDITABLE (self->user_entry_row)) != '\0')
        add_pending_users (self);
      go_to_page (self, "review", NULL);
    }
}

static void
back_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  SaAccountRequestWizard *self = SA_ACCOUNT_REQUEST_WIZARD (widget);
  const char *page = gtk_stack_get_visible_child_name (self->page_stack);

  if (g_strcmp0 (page, "users") == 0)
    go_to_page (self, "identify", page_focus_widget (self, "identify"));
  else if (g_strcmp0 (page, "review") == 0)
    go_to_page (self, "users", page_focus_widget (self, "users"));
}

static void
edit_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  SaAccountRequestWizard *self = SA_ACCOUNT_REQUEST_WIZARD (widget);
  Field field = field_from_server_key (g_variant_get_string (param, NULL));

  if (field != N_FIELDS)
    go_to_field (self, field);
}

static void
add_users_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *param)
{
  SaAccountRequestWizard *self = SA_ACCOUNT_REQUEST_WIZARD (widget);

  add_pending_users (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->user_entry_row));
}

static void
send_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  SaAccountRequestWizard *self = SA_ACCOUNT_REQUEST_WIZARD (widget);
  g_autofree char *account_name = NULL;
  g_autofree char *customer_email = NULL;
  g_autofree char *account_domain = NULL;
  g_autofree char *note_to_customer = NULL;
  g_autofree char *note_to_users = NULL;
  g_auto(GStrv) users = NULL;
  Field invalid;

  if (self->sending || self->sent)
    return;

  invalid = first_invalid_field (self);
  if (invalid != N_FIELDS)
    {
      self->touched[invalid] = TRUE;
      update_field_display (self, invalid);
      go_to_field (self, invalid);
      return;
    }

  /* Whatever happens to the request, the form is on disk first. */
  save_draft_now (self);

  account_name = dup_field_text (self, FIELD_ACCOUNT_NAME);
  customer_email = dup_field_text (self, FIELD_CUSTOMER_EMAIL);
  account_domain = dup_field_text (self, FIELD_ACCOUNT_DOMAIN);
  note_to_customer = dup_field_text (self, FIELD_NOTE_TO_CUSTOMER);
  note_to_users = dup_field_text (self, FIELD_NOTE_TO_USERS);
  users = dup_users (self);

  show_send_error (self, NULL);
  self->sending = TRUE;
  update_actions (self);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();

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
continue_draft_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *param)
{
  SaAccountRequestWizard *self = SA_ACCOUNT_REQUEST_WIZARD (widget);
  const char *page = "identify";
  Field invalid;

  if (self->draft != NULL)
    {
      restore_draft (self, self->draft);
      page = lookup_draft_string (self->draft, "page");
    }
  self->draft_checked = TRUE;

  invalid = first_invalid_field (self);
  if (g_strcmp0 (page, "review") == 0 && invalid != N_FIELDS)
    page = invalid <= FIELD_NOTE_TO_CUSTOMER ? "identify" : "users";
  if (g_strcmp0 (page, "users") == 0 && invalid <= FIELD_NOTE_TO_CUSTOMER)
    page = "identify";
  if (g_strcmp0 (page, "users") != 0 && g_strcmp0 (page, "review") != 0)
    page = "identify";

  go_to_page (self, page, page_focus_widget (self, page));
}

static void
start_over_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *param)
{
  SaAccountRequestWizard *self = SA_ACCOUNT_REQUEST_WIZARD (widget);

  g_clear_pointer (&self->draft, g_variant_unref);
  clear_form (self);
  sa_draft_remove_async (SA_DRAFT_ACCOUNT_REQUEST, NULL, draft_removed_cb, NULL);
  self->draft_checked = TRUE;
  go_to_page (self, "identify", GTK_WIDGET (self->account_name_row));
}

static void
request_access_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *param)
{
  SaAccountRequestWizard *self = SA_ACCOUNT_REQUEST_WIZARD (widget);
  GtkApplication *application = gtk_window_get_application (GTK_WINDOW (self));
  g_autofree char *domain = dup_field_text (self, FIELD_ACCOUNT_DOMAIN);
  const GVariantType *parameter_type = NULL;
  gboolean enabled = FALSE;
  gboolean activated = FALSE;

  /* The access request wizard (procedure 4) belongs to the application
   * (app.request-access); pass it the domain when its action takes one. */
  if (application != NULL &&
      g_action_group_query_action (G_ACTION_GROUP (application), "request-access",
                                   &enabled, &parameter_type, NULL, NULL, NULL) &&
      enabled)
    {
      if (parameter_type != NULL && g_variant_type_equal (parameter_type, G_VARIANT_TYPE_STRING))
        g_action_group_activate_action (G_ACTION_GROUP (application), "request-access",
                                        g_variant_new_string (domain));
      else if (parameter_type == NULL)
        g_action_group_activate_action (G_ACTION_GROUP (application), "request-access", NULL);
      activated = TRUE;
    }
  else
    /* As sa-access-request-action.c declares it: a string parameter. */
    activated = gtk_widget_activate_action (GTK_WIDGET (self), "app.request-access", "s", domain);

  if (activated)
    gtk_window_close (GTK_WINDOW (self));
  else
    g_debug ("No app.request-access action to hand over to");
}

static void
assign_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  gtk_window_close (GTK_WINDOW (widget));
}

static void
close_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *param)
{
  gtk_window_close (GTK_WINDOW (widget));
}

static void
toggle_procedure_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *param)
{
  SaAccountRequestWizard *self = SA_ACCOUNT_REQUEST_WIZARD (widget);

  g_settings_set_boolean (self->settings, "show-procedure-panel",
                          !g_settings_get_boolean (self->settings, "show-procedure-panel"));
}

/* ---- GObject ---- */

static void
sa_account_request_wizard_dispose (GObject *object)
{
  SaAccountRequestWizard *self = SA_ACCOUNT_REQUEST_WIZARD (object);

  /* A change still waiting for its save is written now (closing loses
   * nothing). */
  if (self->save_source != 0)
    save_draft_now (self);

  g_cancellable_cancel (self->cancellable);

  if (self->users_list != NULL)
    gtk_list_box_bind_model (self->users_list, NULL, NULL, NULL, NULL);

  gtk_widget_dispose_template (GTK_WIDGET (self), SA_TYPE_ACCOUNT_REQUEST_WIZARD);

  g_clear_object (&self->cancellable);
  g_clear_object (&self->settings);
  g_clear_object (&self->users);
  g_clear_object (&self->request);
  g_clear_object (&self->client);
  g_clear_pointer (&self->draft, g_variant_unref);

  G_OBJECT_CLASS (sa_account_request_wizard_parent_class)->dispose (object);
}

static void
sa_account_request_wizard_finalize (GObject *object)
{
  SaAccountRequestWizard *self = SA_ACCOUNT_REQUEST_WIZARD (object);

  g_free (self->taken_domain);
  g_hash_table_unref (self->server_errors);

  G_OBJECT_CLASS (sa_account_request_wizard_parent_class)->finalize (object);
}

static void
sa_account_request_wizard_class_init (SaAccountRequestWizardClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sa_account_request_wizard_dispose;
  object_class->finalize = sa_account_request_wizard_finalize;

  /**
   * SaAccountRequestWizard::request-sent:
   * @self: the wizard
   * @request: (transfer none): the request as the server created it, with
   *   its Pending Smart Account
   *
   * Emitted once Send Request succeeded (step 5 of "request a Smart Account");
   * the wizard then shows the result page.
   */
  signals[REQUEST_SENT] = g_signal_new ("request-sent",
                                        G_TYPE_FROM_CLASS (klass),
                                        G_SIGNAL_RUN_LAST,
                                        0, NULL, NULL, NULL,
                                        G_TYPE_NONE, 1, SA_TYPE_ACCOUNT_REQUEST);

  g_type_ensure (SA_TYPE_PROCEDURE_PANEL);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               SA_RESOURCE_PATH "/account-requests/sa-account-request-wizard.ui");
  gtk_widget_class_bind_template_child (widget_class, SaAccountRequestWizard, window_title);
  gtk_widget_class_bind_template_child (widget_class, SaAccountRequestWizard, back_button);
  gtk_widget_class_bind_template_child (widget_class, SaAccountRequestWizard, next_button);
  gtk_widget_class_bind_template_child (widget_class, SaAccountRequestWizard, send_button);
  gtk_widget_class_bind_template_child (widget_class, SaAccountRequestWizard, send_spinner);
  gtk_widget_class_bind_template_child (widget_class, SaAccountRequestWizard, procedure_button);
  gtk_widget_class_bind_template_child (widget_class, SaAccountRequestWizard, procedure_revealer);
  gtk_widget_class_bind_template_child (widget_class, SaAccountRequestWizard, procedure_panel);
  gtk_widget_class_bind_template_child (widget_class, SaAccountRequestWizard, page_stack);
  gtk_widget_class_bind_template_child (widget_class, SaAccountRequestWizard, draft_page);
  gtk_widget_class_bind_template_child (widget_class, SaAccountRequestWizard, continue_button);
  gtk_widget_class_bind_template_child (widget_class, SaAccountRequestWizard, start_over_button);
  gtk_widget_class_bind_template_child (widget_class, SaAccountRequestWizard, account_name_row);
  gtk_widget_class_bind_template_child (widget_class, SaAccountRequestWizard, account_name_message);
  gtk_widget_class_bind_template_child (widget_class, SaAccountRequestWizard, customer_email_row);
  gtk_widget_class_bind_template_child (widget_class, SaAccountRequestWizard, customer_email_message);
  gtk_widget_class_bind_template_child (widget_class, SaAccountRequestWizard, account_domain_row);
  gtk_widget_class_bind_template_child (widget_class, SaAccountRequestWizard, account_domain_message);
  gtk_widget_class_bind_template_child (widget_class, SaAccountRequestWizard, domain_taken_box);
  gtk_widget_class_bind_template_child (widget_class, SaAccountRequestWizard, request_access_button);
  gtk_widget_class_bind_template_child (widget_class, SaAccountRequestWizard, note_to_customer_view);
  gtk_widget_class_bind_template_child (widget_class, SaAccountRequestWizard, note_to_customer_message);
  gtk_widget_class_bind_template_child (widget_class, SaAccountRequestWizard, user_entry_row);
  gtk_widget_class_bind_template_child (widget_class, SaAccountRequestWizard, user_entry_message);
  gtk_widget_class_bind_template_child (widget_class, SaAccountRequestWizard, add_user_button);
  gtk_widget_class_bind_template_child (widget_class, SaAccountRequestWizard, users_list);
  gtk_widget_class_bind_template_child (widget_class, SaAccountRequestWizard, users_count_label);
  gtk_widget_class_bind_template_child (widget_class, SaAccountRequestWizard, note_to_users_view);
  gtk_widget_class_bind_template_child (widget_class, SaAccountRequestWizard, note_to_users_message);
  gtk_widget_class_bind_template_child (widget_class, SaAccountRequestWizard, review_account_name_row);
  gtk_widget_class_bind_template_child (widget_class, SaAccountRequestWizard, review_customer_email_row);
  gtk_widget_class_bind_template_child (widget_class, SaAccountRequestWizard, review_account_domain_row);
  gtk_widget_class_bind_template_child (widget_class, SaAccountRequestWizard, review_note_to_customer_row);
  gtk_widget_class_bind_template_child (widget_class, SaAccountRequestWizard, review_users_row);
  gtk_widget_class_bind_template_child (widget_class, SaAccountRequestWizard, review_note_to_users_row);
  gtk_widget_class_bind_template_child (widget_class, SaAccountRequestWizard, send_error_box);
  gtk_widget_class_bind_template_child (widget_class, SaAccountRequestWizard, send_error_label);
  gtk_widget_class_bind_template_child (widget_class, SaAccountRequestWizard, result_page);
  gtk_widget_class_bind_template_child (widget_class, SaAccountRequestWizard, result_account_row);
  gtk_widget_class_bind_template_child (widget_class, SaAccountRequestWizard, result_status_pill);
  gtk_widget_class_bind_template_child (widget_class, SaAccountRequestWizard, result_expires_row);
  gtk_widget_class_bind_template_child (widget_class, SaAccountRequestWizard, result_next_label);
  gtk_widget_class_bind_template_child (widget_class, SaAccountRequestWizard, assign_button);
  gtk_widget_class_bind_template_child (widget_class, SaAccountRequestWizard, done_button);
  gtk_widget_class_bind_template_child (widget_class, SaAccountRequestWizard, identify_title);
  gtk_widget_class_bind_template_child (widget_class, SaAccountRequestWizard, note_to_customer_label);
  gtk_widget_class_bind_template_child (widget_class, SaAccountRequestWizard, review_title);
  gtk_widget_class_bind_template_child (widget_class, SaAccountRequestWizard, edit_account_name_button);
  gtk_widget_class_bind_template_child (widget_class, SaAccountRequestWizard, edit_customer_email_button);
  gtk_widget_class_bind_template_child (widget_class, SaAccountRequestWizard, edit_account_domain_button);
  gtk_widget_class_bind_template_child (widget_class, SaAccountRequestWizard, edit_note_to_customer_button);
  gtk_widget_class_bind_template_child (widget_class, SaAccountRequestWizard, edit_users_button);
  gtk_widget_class_bind_template_child (widget_class, SaAccountRequestWizard, edit_note_to_users_button);

  gtk_widget_class_install_action (widget_class, "wizard.next", NULL, next_action);
  gtk_widget_class_install_action (widget_class, "wizard.back", NULL, back_action);
  gtk_widget_class_install_action (widget_class, "wizard.edit", "s", edit_action);
  gtk_widget_class_install_action (widget_class, "wizard.add-users", NULL, add_users_action);
  gtk_widget_class_install_action (widget_class, "wizard.send", NULL, send_action);
  gtk_widget_class_install_action (widget_class, "wizard.continue-draft", NULL, continue_draft_action);
  gtk_widget_class_install_action (widget_class, "wizard.start-over", NULL, start_over_action);
  gtk_widget_class_install_action (widget_class, "wizard.request-access", NULL, request_access_action);
  gtk_widget_class_install_action (widget_class, "wizard.assign", NULL, assign_action);
  gtk_widget_class_install_action (widget_class, "wizard.close", NULL, close_action);
  gtk_widget_class_install_action (widget_class, "wizard.toggle-procedure", NULL, toggle_procedure_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "wizard.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F9, 0, "wizard.toggle-procedure", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, GDK_ALT_MASK, "wizard.back", NULL);
}

static void
sa_account_request_wizard_init (SaAccountRequestWizard *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->server_errors = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->users = gtk_string_list_new (NULL);

  self->field_widgets[FIELD_ACCOUNT_NAME] = GTK_WIDGET (self->account_name_row);
  self->field_widgets[FIELD_CUSTOMER_EMAIL] = GTK_WIDGET (self->customer_email_row);
  self->field_widgets[FIELD_ACCOUNT_DOMAIN] = GTK_WIDGET (self->account_domain_row);
  self->field_widgets[FIELD_NOTE_TO_CUSTOMER] = GTK_WIDGET (self->note_to_customer_view);
  self->field_widgets[FIELD_USERS] = GTK_WIDGET (self->user_entry_row);
  self->field_widgets[FIELD_NOTE_TO_USERS] = GTK_WIDGET (self->note_to_users_view);
  self->field_messages[FIELD_ACCOUNT_NAME] = self->account_name_message;
  self->field_messages[FIELD_CUSTOMER_EMAIL] = self->customer_email_message;
  self->field_messages[FIELD_ACCOUNT_DOMAIN] = self->account_domain_message;
  self->field_messages[FIELD_NOTE_TO_CUSTOMER] = self->note_to_customer_message;
  self->field_messages[FIELD_USERS] = self->user_entry_message;
  self->field_messages[FIELD_NOTE_TO_USERS] = self->note_to_users_message;

  for (guint i = 0; i < N_FIELDS; i++)
    {
      GtkWidget *widget = self->field_widgets[i];

      if (GTK_IS_TEXT_VIEW (widget))
        g_signal_connect (gtk_text_view_get_buffer (GTK_TEXT_VIEW (widget)), "changed",
                          G_CALLBACK (on_buffer_changed), self);
      else
        g_signal_connect (widget, "changed", G_CALLBACK (on_entry_changed), self);
    }
  g_signal_connect (self->user_entry_row, "entry-activated", G_CALLBACK (on_user_entry_activated), self);

  gtk_list_box_bind_model (self->users_list, G_LIST_MODEL (self->users), create_user_row, self, NULL);
  g_signal_connect (self->users, "items-changed", G_CALLBACK (on_users_changed), self);

  self->settings = g_settings_new (APPLICATION_ID_BASE);
  g_settings_bind (self->settings, "show-procedure-panel",
                   self->procedure_revealer, "reveal-child", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "show-procedure-panel",
                   self->procedure_button, "active", G_SETTINGS_BIND_DEFAULT);
  sa_procedure_panel_set_procedure (self->procedure_panel, _("Request a Smart Account for a customer"));

  update_all_fields (self);
  go_to_page (self, "identify", GTK_WIDGET (self->account_name_row));

  self->cancellable = g_cancellable_new ();
  sa_draft_load_async (SA_DRAFT_ACCOUNT_REQUEST, self->cancellable, draft_loaded_cb, self);
}

/**
 * sa_account_request_wizard_new:
 * @client: a signed-in #SaClient
 * @parent: (nullable): the window to be modal for
 *
 * Creates the "Request a Smart Account" wizard (step 2 of "request a Smart
 * Account for a customer": what "Request a Smart Account" under "New
 * Customer Accounts" opens). If a draft was saved earlier, the wizard first
 * offers to continue it. Show it with gtk_window_present(); connect to
 * #SaAccountRequestWizard::request-sent for the new request.
 *
 * Returns: (transfer none): the new wizard, owned by GTK's toplevel list
 */
SaAccountRequestWizard *
sa_account_request_wizard_new (SaClient  *client,
                               GtkWindow *parent)
{
  SaAccountRequestWizard *self;

  g_return_val_if_fail (SA_IS_CLIENT (client), NULL);
  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);

  self = g_object_new (SA_TYPE_ACCOUNT_REQUEST_WIZARD,
                       "transient-for", parent,
                       "application", parent != NULL ? gtk_window_get_application (parent) : NULL,
                       NULL);
  self->client = g_object_ref (client);

  return self;
}

/**
 * sa_account_request_wizard_set_assign_mode:
 * @self: a #SaAccountRequestWizard
 * @assign_mode: %TRUE when opened from the Assign Smart Account dialog
 *
 * In assign mode the result page offers "Assign this Account", which closes
 * the wizard and leaves the dialog with the new Pending Smart Account
 * selected (an order may be assigned to a Pending account).
 */
void
sa_account_request_wizard_set_assign_mode (SaAccountRequestWizard *self,
                                           gboolean                assign_mode)
{
  g_return_if_fail (SA_IS_ACCOUNT_REQUEST_WIZARD (self));

  self->assign_mode = !!assign_mode;
  gtk_widget_set_visible (GTK_WIDGET (self->assign_button), self->assign_mode && self->sent);
}

/**
 * sa_account_request_wizard_get_page:
 * @self: a #SaAccountRequestWizard
 *
 * Returns: (transfer none): the page shown: "draft", "identify", "users",
 *   "review" or "result"
 */
const char *
sa_account_request_wizard_get_page (SaAccountRequestWizard *self)
{
  g_return_val_if_fail (SA_IS_ACCOUNT_REQUEST_WIZARD (self), NULL);

  return gtk_stack_get_visible_child_name (self->page_stack);
}

/**
 * sa_account_request_wizard_get_draft_checked:
 * @self: a #SaAccountRequestWizard
 *
 * Returns: %TRUE once the saved draft was looked for and, if there was one,
 *   continued or discarded; from then on the form is saved as it changes
 */
gboolean
sa_account_request_wizard_get_draft_checked (SaAccountRequestWizard *self)
{
  g_return_val_if_fail (SA_IS_ACCOUNT_REQUEST_WIZARD (self), FALSE);

  return self->draft_checked;
}

/**
 * sa_account_request_wizard_get_sending:
 * @self: a #SaAccountRequestWizard
 *
 * Returns: %TRUE while Send Request waits for the server
 */
gboolean
sa_account_request_wizard_get_sending (SaAccountRequestWizard *self)
{
  g_return_val_if_fail (SA_IS_ACCOUNT_REQUEST_WIZARD (self), FALSE);

  return self->sending;
}

/**
 * sa_account_request_wizard_get_request:
 * @self: a #SaAccountRequestWizard
 *
 * Returns: (transfer none) (nullable): the request the server created, once sent
 */
SaAccountRequest *
sa_account_request_wizard_get_request (SaAccountRequestWizard *self)
{
  g_return_val_if_fail (SA_IS_ACCOUNT_REQUEST_WIZARD (self), NULL);

  return self->request;
}

/**
 * sa_account_request_wizard_get_users:
 * @self: a #SaAccountRequestWizard
 *
 * Returns: (transfer none): the User Emails added so far (a #GtkStringList)
 */
GListModel *
sa_account_request_wizard_get_users (SaAccountRequestWizard *self)
{
  g_return_val_if_fail (SA_IS_ACCOUNT_REQUEST_WIZARD (self), NULL);

  return G_LIST_MODEL (self->users);
}
