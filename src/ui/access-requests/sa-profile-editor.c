/* sa-profile-editor.c — the user's profile, to check and to update in place
 *
 * Step 5 of "request access to an existing Smart Account": the user checks
 * that the profile the server holds is right and complete, and, when it is
 * not, selects "Update your profile". Here the rows turn into entries in
 * place, each checked as typed; Save sends the profile (PUT /v1/profile),
 * Cancel puts back what the server holds.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "sa-profile-editor.h"
#include "sa-ui-util.h"

struct _SaProfileEditor
{
  AdwBin        parent_instance;

  SaClient     *client;
  SaProfile    *profile;
  GCancellable *cancellable;
  guint         loading : 1;
  guint         saving : 1;
  guint         editing : 1;
  char         *server_errors[SA_PROFILE_N_FIELDS];  /* what the server refused, or NULL */

  GtkStack     *stack;
  GtkSpinner   *loading_spinner;
  GtkLabel     *load_error_label;
  AdwActionRow *name_row;
  AdwActionRow *email_row;
  AdwActionRow *company_row;
  AdwActionRow *country_row;
  AdwActionRow *phone_row;
  AdwActionRow *username_row;
  GtkButton    *update_button;
  AdwEntryRow  *first_name_entry;
  AdwEntryRow  *last_name_entry;
  AdwEntryRow  *email_entry;
  AdwEntryRow  *company_entry;
  AdwEntryRow  *country_entry;
  AdwEntryRow  *phone_entry;
  GtkLabel     *edit_error_label;
  GtkSpinner   *save_spinner;
  GtkButton    *save_button;
};

G_DEFINE_FINAL_TYPE (SaProfileEditor, sa_profile_editor, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_PROFILE,
  PROP_EDITING,
  PROP_BUSY,
  PROP_VALID,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static AdwEntryRow *
get_entry (SaProfileEditor *self,
           SaProfileField            field)
{
  switch (field)
    {
    case SA_PROFILE_FIELD_FIRST_NAME: return self->first_name_entry;
    case SA_PROFILE_FIELD_LAST_NAME: return self->last_name_entry;
    case SA_PROFILE_FIELD_EMAIL: return self->email_entry;
    case SA_PROFILE_FIELD_COMPANY: return self->company_entry;
    case SA_PROFILE_FIELD_COUNTRY: return self->country_entry;
    case SA_PROFILE_FIELD_PHONE: return self->phone_entry;
    case SA_PROFILE_N_FIELDS:
    default:
      g_assert_not_reached ();
    }
}

static gboolean
validate_field (SaProfileField        field,
                const char  *text,
                GError     **error)
{
  switch (field)
    {
    case SA_PROFILE_FIELD_EMAIL:
      return sa_validate_email (text, error);
    case SA_PROFILE_FIELD_PHONE:
      return sa_validate_phone (text, error);
    case SA_PROFILE_FIELD_FIRST_NAME:
    case SA_PROFILE_FIELD_LAST_NAME:
    case SA_PROFILE_FIELD_COMPANY:
    case SA_PROFILE_FIELD_COUNTRY:
      return sa_validate_profile_field (text, error);
    case SA_PROFILE_N_FIELDS:
    default:
      g_assert_not_reached ();
    }
}

static const char *
or_dash (const char *str)
{
  return str != NULL && *str != '\0' ? str : "—";
}

static void
show_profile (SaProfileEditor *self)
{
  g_autofree char *name = NULL;

  if (self->profile == NULL)
    return;

  name = sa_profile_dup_display_name (self->profile);
  adw_action_row_set_subtitle (self->name_row, or_dash (name));
  adw_action_row_set_subtitle (self->email_row, or_dash (sa_profile_get_email (self->profile)));
  adw_action_row_set_subtitle (self->company_row, or_dash (sa_profile_get_company (self->profile)));
  adw_action_row_set_subtitle (self->country_row, or_dash (sa_profile_get_country (self->profile)));
  adw_action_row_set_subtitle (self->phone_row, or_dash (sa_profile_get_phone (self->profile)));
  adw_action_row_set_subtitle (self->username_row, or_dash (sa_profile_get_username (self->profile)));
}

static void
fill_entries (SaProfileEditor *self)
{
  const char *values[SA_PROFILE_N_FIELDS] = { NULL };

  if (self->profile != NULL)
    {
      values[SA_PROFILE_FIELD_FIRST_NAME] = sa_profile_get_first_name (self->profile);
      values[SA_PROFILE_FIELD_LAST_NAME] = sa_profile_get_last_name (self->profile);
      values[SA_PROFILE_FIELD_EMAIL] = sa_profile_get_email (self->profile);
      values[SA_PROFILE_FIELD_COMPANY] = sa_profile_get_company (self->profile);
      values[SA_PROFILE_FIELD_COUNTRY] = sa_profile_get_country (self->profile);
      values[SA_PROFILE_FIELD_PHONE] = sa_profile_get_phone (self->profile);
    }

  for (SaProfileField f = 0; f < SA_PROFILE_N_FIELDS; f++)
    {
      g_clear_pointer (&self->server_errors[f], g_free);
      gtk_editable_set_text (GTK_EDITABLE (get_entry (self, f)), values[f] ? values[f] : "");
    }
}

/* Checks every entry; marks the bad ones and shows the first problem. */
static gboolean
check_entries (SaProfileEditor *self)
{
  g_autofree char *message = NULL;
  gboolean valid = TRUE;

  for (SaProfileField f = 0; f < SA_PROFILE_N_FIELDS; f++)
    {
      AdwEntryRow *entry = get_entry (self, f);
      const char *text = gtk_editable_get_text (GTK_EDITABLE (entry));
      g_autoptr(GError) error = NULL;
      gboolean ok = validate_field (f, text, &error);

      if (ok && self->server_errors[f] != NULL)
        {
          ok = FALSE;
          g_set_error_literal (&error, SA_CLIENT_ERROR, SA_CLIENT_ERROR_VALIDATION_FAILED,
                               self->server_errors[f]);
        }

      if (ok)
        {
          gtk_widget_remove_css_class (GTK_WIDGET (entry), "error");
          gtk_accessible_reset_state (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_STATE_INVALID);
          continue;
        }

      gtk_widget_add_css_class (GTK_WIDGET (entry), "error");
      gtk_accessible_update_state (GTK_ACCESSIBLE (entry),
                                   GTK_ACCESSIBLE_STATE_INVALID, GTK_ACCESSIBLE_INVALID_TRUE,
                                   -1);
      if (valid)
        /* Translators: a profile field and what is wrong with it: "E-mail: …" */
        message = g_strdup_printf (_("%1$s: %2$s"),
                                   adw_preferences_row_get_title (ADW_PREFERENCES_ROW (entry)),
                                   error->message);
      valid = FALSE;
    }

  gtk_label_set_text (self->edit_error_label, message ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->edit_error_label), message != NULL);

  return valid;
}

static void
update_actions (SaProfileEditor *self)
{
  gboolean valid = self->editing ? check_entries (self) : TRUE;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "profile.edit",
                                 self->profile != NULL && !self->editing && !self->loading);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "profile.save",
                                 self->editing && valid && !self->saving);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "profile.cancel",
                                 self->editing && !self->saving);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "profile.reload", !self->loading);
  gtk_widget_set_visible (GTK_WIDGET (self->save_spinner), self->saving);
  gtk_spinner_set_spinning (self->save_spinner, self->saving);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VALID]);
}

/* Moves the focus out of the page about to be hidden (GTK warns when a
 * focused entry is hidden without a focus-out). */
static void
drop_focus (SaProfileEditor *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root ? gtk_root_get_focus (root) : NULL;

  if (focus != NULL && gtk_widget_is_ancestor (focus, GTK_WIDGET (self)))
    gtk_root_set_focus (root, NULL);
}

static void
set_editing (SaProfileEditor *self,
             gboolean         editing)
{
  editing = !!editing;
  if (self->editing == editing)
    return;

  drop_focus (self);
  self->editing = editing;
  gtk_stack_set_visible_child_name (self->stack, editing ? "edit" : "view");
  update_actions (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EDITING]);
}

static void
set_loading (SaProfileEditor *self,
             gboolean         loading,
             gboolean         saving)
{
  self->loading = !!loading;
  self->saving = !!saving;
  gtk_spinner_set_spinning (self->loading_spinner, self->loading);
  update_actions (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

static void
get_profile_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  SaProfileEditor *self;
  g_autoptr(SaProfile) profile = NULL;
  g_autoptr(GError) error = NULL;

  profile = sa_client_get_profile_finish (SA_CLIENT (source), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  self = SA_PROFILE_EDITOR (user_data);

  if (profile == NULL)
    {
      g_autofree char *message = sa_error_dup_user_message (error);

      g_debug ("Loading the profile failed: %s", error->message);
      gtk_label_set_text (self->load_error_label, message);
      gtk_stack_set_visible_child_name (self->stack, "error");
      set_loading (self, FALSE, FALSE);
      return;
    }

  g_set_object (&self->profile, profile);
  show_profile (self);
  self->editing = FALSE;
  gtk_stack_set_visible_child_name (self->stack, "view");
  set_loading (self, FALSE, FALSE);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PROFILE]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EDITING]);
}

/* sa_profile_editor_reload:
 * @self: a #SaProfileEditor
 *
 * Loads the profile from the server (GET /v1/profile) and shows it (step 5
 * of "request access": check your profile). Leaves editing.
 */
static void
sa_profile_editor_reload (SaProfileEditor *self)
{
  g_return_if_fail (SA_IS_PROFILE_EDITOR (self));

  if (self->client == NULL)
    return;

  sa_ui_renew_cancellable (&self->cancellable);

  drop_focus (self);
  gtk_stack_set_visible_child_name (self->stack, "loading");
  set_loading (self, TRUE, FALSE);
  sa_client_get_profile_async (self->client, self->cancellable, get_profile_cb, self);
}

/* The fields the server (or a local check) refused, marked with the
 * sentence core gives for each. Returns FALSE when it named none. */
static gboolean
mark_refused_fields (SaProfileEditor *self,
                     const GError    *error)
{
  gboolean marked = FALSE;

  for (SaProfileField f = 0; f < SA_PROFILE_N_FIELDS; f++)
    {
      char *message = sa_client_error_dup_profile_field (error, f);

      if (message == NULL)
        continue;

      g_free (self->server_errors[f]);
      self->server_errors[f] = message;
      marked = TRUE;
    }

  if (marked)
    update_actions (self);

  return marked;
}

static void
update_profile_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  SaProfileEditor *self;
  g_autoptr(SaProfile) profile = NULL;
  g_autoptr(GError) error = NULL;

  profile = sa_client_update_profile_finish (SA_CLIENT (source), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  self = SA_PROFILE_EDITOR (user_data);
  set_loading (self, FALSE, FALSE);

  if (profile == NULL)
    {
      g_debug ("Updating the profile failed: %s", error->message);

      if (mark_refused_fields (self, error))
        return;

      {
        g_autofree char *message = sa_error_dup_user_message (error);

        gtk_label_set_text (self->edit_error_label, message);
        gtk_widget_set_visible (GTK_WIDGET (self->edit_error_label), TRUE);
      }
      return;
    }

  g_set_object (&self->profile, profile);
  show_profile (self);
  set_editing (self, FALSE);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PROFILE]);
  gtk_widget_grab_focus (GTK_WIDGET (self->update_button));
}

/* sa_profile_editor_save:
 * @self: a #SaProfileEditor
 *
 * Sends the edited profile (PUT /v1/profile, the note of step 5: "Update your
 * profile"). Fields the server refuses are marked; any other error is shown
 * under the fields, and the entries are kept.
 */
static void
sa_profile_editor_save (SaProfileEditor *self)
{
  g_autoptr(SaProfile) profile = NULL;

  g_return_if_fail (SA_IS_PROFILE_EDITOR (self));

  if (!self->editing || self->saving || self->client == NULL || !check_entries (self))
    return;

  profile = sa_profile_new (self->profile ? sa_profile_get_username (self->profile) : NULL,
                            gtk_editable_get_text (GTK_EDITABLE (self->first_name_entry)),
                            gtk_editable_get_text (GTK_EDITABLE (self->last_name_entry)),
                            gtk_editable_get_text (GTK_EDITABLE (self->email_entry)),
                            gtk_editable_get_text (GTK_EDITABLE (self->company_entry)),
                            gtk_editable_get_text (GTK_EDITABLE (self->country_entry)),
                            gtk_editable_get_text (GTK_EDITABLE (self->phone_entry)));

  sa_ui_renew_cancellable (&self->cancellable);

  set_loading (self, FALSE, TRUE);
  sa_client_update_profile_async (self->client, profile, self->cancellable, update_profile_cb, self);
}

/* sa_profile_editor_start_editing:
 * @self: a #SaProfileEditor
 *
 * "Update your profile": turns the rows into entries holding the current
 * values, and puts the focus in the first one.
 */
static void
sa_profile_editor_start_editing (SaProfileEditor *self)
{
  g_return_if_fail (SA_IS_PROFILE_EDITOR (self));

  if (self->profile == NULL || self->editing)
    return;

  fill_entries (self);
  set_editing (self, TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (self->first_name_entry));
}

/* sa_profile_editor_cancel_editing:
 * @self: a #SaProfileEditor
 *
 * Leaves editing without saving; the rows show the server's profile again.
 */
static void
sa_profile_editor_cancel_editing (SaProfileEditor *self)
{
  g_return_if_fail (SA_IS_PROFILE_EDITOR (self));

  if (!self->editing || self->saving)
    return;

  fill_entries (self);
  set_editing (self, FALSE);
  gtk_widget_grab_focus (GTK_WIDGET (self->update_button));
}

static void
on_entry_changed (GtkEditable     *editable,
                  SaProfileEditor *self)
{
  for (SaProfileField f = 0; f < SA_PROFILE_N_FIELDS; f++)
    if (GTK_EDITABLE (get_entry (self, f)) == editable)
      g_clear_pointer (&self->server_errors[f], g_free);

  if (self->editing)
    update_actions (self);
}

static void
on_entry_activate (AdwEntryRow     *entry,
                   SaProfileEditor *self)
{
  sa_profile_editor_save (self);
}

static void
edit_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  sa_profile_editor_start_editing (SA_PROFILE_EDITOR (widget));
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  sa_profile_editor_save (SA_PROFILE_EDITOR (widget));
}

static void
cancel_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  sa_profile_editor_cancel_editing (SA_PROFILE_EDITOR (widget));
}

static void
reload_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  sa_profile_editor_reload (SA_PROFILE_EDITOR (widget));
}

static void
sa_profile_editor_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  SaProfileEditor *self = SA_PROFILE_EDITOR (object);

  switch (prop_id)
    {
    case PROP_PROFILE:
      g_value_set_object (value, self->profile);
      break;
    case PROP_EDITING:
      g_value_set_boolean (value, self->editing);
      break;
    case PROP_BUSY:
      g_value_set_boolean (value, sa_profile_editor_get_busy (self));
      break;
    case PROP_VALID:
      g_value_set_boolean (value, sa_profile_editor_get_valid (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sa_profile_editor_dispose (GObject *object)
{
  SaProfileEditor *self = SA_PROFILE_EDITOR (object);

  g_cancellable_cancel (self->cancellable);
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), SA_TYPE_PROFILE_EDITOR);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->profile);
  g_clear_object (&self->client);

  G_OBJECT_CLASS (sa_profile_editor_parent_class)->dispose (object);
}

static void
sa_profile_editor_finalize (GObject *object)
{
  SaProfileEditor *self = SA_PROFILE_EDITOR (object);

  for (SaProfileField f = 0; f < SA_PROFILE_N_FIELDS; f++)
    g_free (self->server_errors[f]);

  G_OBJECT_CLASS (sa_profile_editor_parent_class)->finalize (object);
}

static void
sa_profile_editor_class_init (SaProfileEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sa_profile_editor_dispose;
  object_class->finalize = sa_profile_editor_finalize;
  object_class->get_property = sa_profile_editor_get_property;

  properties[PROP_PROFILE] =
    g_param_spec_object ("profile", NULL, NULL, SA_TYPE_PROFILE,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_EDITING] =
    g_param_spec_boolean ("editing", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_BUSY] =
    g_param_spec_boolean ("busy", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_VALID] =
    g_param_spec_boolean ("valid", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               SA_RESOURCE_PATH "/access-requests/sa-profile-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, SaProfileEditor, stack);
  gtk_widget_class_bind_template_child (widget_class, SaProfileEditor, loading_spinner);
  gtk_widget_class_bind_template_child (widget_class, SaProfileEditor, load_error_label);
  gtk_widget_class_bind_template_child (widget_class, SaProfileEditor, name_row);
  gtk_widget_class_bind_template_child (widget_class, SaProfileEditor, email_row);
  gtk_widget_class_bind_template_child (widget_class, SaProfileEditor, company_row);
  gtk_widget_class_bind_template_child (widget_class, SaProfileEditor, country_row);
  gtk_widget_class_bind_template_child (widget_class, SaProfileEditor, phone_row);
  gtk_widget_class_bind_template_child (widget_class, SaProfileEditor, username_row);
  gtk_widget_class_bind_template_child (widget_class, SaProfileEditor, update_button);
  gtk_widget_class_bind_template_child (widget_class, SaProfileEditor, first_name_entry);
  gtk_widget_class_bind_template_child (widget_class, SaProfileEditor, last_name_entry);
  gtk_widget_class_bind_template_child (widget_class, SaProfileEditor, email_entry);
  gtk_widget_class_bind_template_child (widget_class, SaProfileEditor, company_entry);
  gtk_widget_class_bind_template_child (widget_class, SaProfileEditor, country_entry);
  gtk_widget_class_bind_template_child (widget_class, SaProfileEditor, phone_entry);
  gtk_widget_class_bind_template_child (widget_class, SaProfileEditor, edit_error_label);
  gtk_widget_class_bind_template_child (widget_class, SaProfileEditor, save_spinner);
  gtk_widget_class_bind_template_child (widget_class, SaProfileEditor, save_button);

  gtk_widget_class_install_action (widget_class, "profile.edit", NULL, edit_action);
  gtk_widget_class_install_action (widget_class, "profile.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "profile.cancel", NULL, cancel_action);
  gtk_widget_class_install_action (widget_class, "profile.reload", NULL, reload_action);
}

static void
sa_profile_editor_init (SaProfileEditor *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  for (SaProfileField f = 0; f < SA_PROFILE_N_FIELDS; f++)
    {
      g_signal_connect (get_entry (self, f), "changed", G_CALLBACK (on_entry_changed), self);
      g_signal_connect (get_entry (self, f), "entry-activated", G_CALLBACK (on_entry_activate), self);
    }

  gtk_stack_set_visible_child_name (self->stack, "loading");
  update_actions (self);
}

/**
 * sa_profile_editor_set_client:
 * @self: a #SaProfileEditor
 * @client: a signed-in #SaClient
 *
 * Sets the client and loads the profile.
 */
void
sa_profile_editor_set_client (SaProfileEditor *self,
                              SaClient        *client)
{
  g_return_if_fail (SA_IS_PROFILE_EDITOR (self));
  g_return_if_fail (SA_IS_CLIENT (client));

  g_set_object (&self->client, client);
  sa_profile_editor_reload (self);
}

/**
 * sa_profile_editor_get_profile:
 * @self: a #SaProfileEditor
 *
 * Returns: (transfer none) (nullable): the profile as the server last gave it
 */
SaProfile *
sa_profile_editor_get_profile (SaProfileEditor *self)
{
  g_return_val_if_fail (SA_IS_PROFILE_EDITOR (self), NULL);

  return self->profile;
}

/**
 * sa_profile_editor_get_editing:
 * @self: a #SaProfileEditor
 *
 * Returns: %TRUE while the profile is being updated in place
 */
gboolean
sa_profile_editor_get_editing (SaProfileEditor *self)
{
  g_return_val_if_fail (SA_IS_PROFILE_EDITOR (self), FALSE);

  return self->editing;
}

/**
 * sa_profile_editor_get_busy:
 * @self: a #SaProfileEditor
 *
 * Returns: %TRUE while the profile loads or saves
 */
gboolean
sa_profile_editor_get_busy (SaProfileEditor *self)
{
  g_return_val_if_fail (SA_IS_PROFILE_EDITOR (self), FALSE);

  return self->loading || self->saving;
}

/**
 * sa_profile_editor_get_valid:
 * @self: a #SaProfileEditor
 *
 * Returns: %TRUE when not editing, or when every entry holds an acceptable value
 */
gboolean
sa_profile_editor_get_valid (SaProfileEditor *self)
{
  g_return_val_if_fail (SA_IS_PROFILE_EDITOR (self), FALSE);

  if (!self->editing)
    return TRUE;

  for (SaProfileField f = 0; f < SA_PROFILE_N_FIELDS; f++)
    if (self->server_errors[f] != NULL ||
        !validate_field (f, gtk_editable_get_text (GTK_EDITABLE (get_entry (self, f))), NULL))
      return FALSE;

  return TRUE;
}
