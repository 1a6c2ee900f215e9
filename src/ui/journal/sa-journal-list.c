/* sa-journal-list.c — the journal's entries for a view: listed, removed,
 * exported, transferred
 *
 * Issue 10, "The journal": with the Cisco connection the Smart Account
 * requests and Access requests views list the journal's entries for their
 * procedure, and an order page its own (by Sales Order No.), each with its
 * observed state (SaHandOffRow). The user may remove an entry (after a
 * confirmation), export the journal to CSV for a partner's records (a
 * GtkFileChooserNative, then sa_journal_export_csv_async(), written off the
 * UI thread), check the open entries now, and move licenses out of DEFAULT
 * (sa-transfer-dialog.c). The list follows the journal's "changed" signal.
 *
 * Actions (target: the entry's id, int64): journal.remove, journal.transfer;
 * without target: journal.export, journal.check-now.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "sa-journal-list.h"
#include "sa-transfer-dialog.h"
#include "sa-ui-util.h"

struct _SaJournalList
{
  GtkBox              parent_instance;

  SaJournal          *journal;
  SaWatch            *watch;
  gboolean            by_subject;
  SaHandOffProcedure  procedure;
  char               *subject;

  GCancellable       *cancellable;
  GListModel         *entries;
  gboolean            loading;
  gboolean            reload_again;
  guint               reload_idle;

  GtkWidget          *title_label;
  GtkListBox         *list_box;
  GtkFileChooserNative *chooser;
};

G_DEFINE_FINAL_TYPE (SaJournalList, sa_journal_list, GTK_TYPE_BOX)

static void load (SaJournalList *self);

static void
update_actions (SaJournalList *self)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "journal.export", self->journal != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "journal.check-now", self->watch != NULL);
}

static void
list_cb (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  SaJournalList *self;
  g_autoptr(GListModel) entries = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GError) error = NULL;
  GtkWidget *child;

  entries = sa_journal_list_finish (SA_JOURNAL (source), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  self = SA_JOURNAL_LIST (user_data);
  self->loading = FALSE;
  if (self->reload_again)
    {
      self->reload_again = FALSE;
      load (self);
    }
  if (entries == NULL)
    {
      g_debug ("Listing the journal failed: %s", error->message);
      sa_ui_show_toast (GTK_WIDGET (self), error->message);
      return;
    }

  g_set_object (&self->entries, entries);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list_box))) != NULL)
    gtk_list_box_remove (self->list_box, child);
  for (guint i = 0; i < g_list_model_get_n_items (entries); i++)
    {
      g_autoptr(SaHandOff) hand_off = g_list_model_get_item (entries, i);

      if (self->by_subject || sa_hand_off_get_procedure (hand_off) == self->procedure)
        gtk_list_box_append (self->list_box, sa_hand_off_row_new (hand_off, now));
    }
}

static void
load (SaJournalList *self)
{
  if (self->journal == NULL || (self->by_subject && self->subject == NULL))
    return;
  if (self->loading)
    {
      self->reload_again = TRUE;
      return;
    }

  self->loading = TRUE;
  if (self->by_subject)
    sa_journal_list_for_subject_async (self->journal, self->subject, self->cancellable, list_cb, self);
  else
    sa_journal_list_for_procedure_async (self->journal, self->procedure, self->cancellable, list_cb, self);
}

/**
 * sa_journal_list_reload:
 * @self: a #SaJournalList
 *
 * Lists the entries again, off the UI thread (the journal's own changes do
 * this by themselves).
 */
void
sa_journal_list_reload (SaJournalList *self)
{
  g_return_if_fail (SA_IS_JOURNAL_LIST (self));

  load (self);
}

static gboolean
reload_idle_cb (gpointer user_data)
{
  SaJournalList *self = SA_JOURNAL_LIST (user_data);

  self->reload_idle = 0;
  load (self);
  return G_SOURCE_REMOVE;
}

static void
on_journal_changed (SaJournal     *journal,
                    gint64         id,
                    SaJournalList *self)
{
  /* Several changes in a row: one list. */
  if (self->reload_idle == 0)
    self->reload_idle = g_idle_add (reload_idle_cb, self);
}

static SaHandOff *
find_entry (SaJournalList *self,
            gint64         id)
{
  SaHandOffRow *row = sa_journal_list_find_row (self, id);

  return row != NULL ? sa_hand_off_row_get_hand_off (row) : NULL;
}

static void
removed_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  SaJournalList *self;
  g_autoptr(GError) error = NULL;

  if (!sa_journal_remove_finish (SA_JOURNAL (source), result, &error) &&
      g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  self = SA_JOURNAL_LIST (user_data);
  sa_ui_show_toast (GTK_WIDGET (self), error != NULL ? error->message : _("Entry removed from the journal"));
}

static void
on_remove_response (AdwMessageDialog *dialog,
                    const char       *response,
                    SaJournalList    *self)
{
  SaHandOff *hand_off = g_object_get_data (G_OBJECT (dialog), "sa-hand-off");

  if (g_strcmp0 (response, "remove") == 0 && self->journal != NULL && hand_off != NULL)
    sa_journal_remove_async (self->journal, hand_off, self->cancellable, removed_cb, self);
}

static void
remove_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  SaJournalList *self = SA_JOURNAL_LIST (widget);
  SaHandOff *hand_off = find_entry (self, g_variant_get_int64 (param));
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkWidget *dialog;

  if (hand_off == NULL || self->journal == NULL)
    return;

  dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                   _("Remove This Entry?"),
                                   _("The app stops watching it, and it leaves the journal and its exports. "
                                     "What was done in Cisco's portal is not changed."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "remove", _("_Remove"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "remove", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "sa-hand-off", g_object_ref (hand_off), g_object_unref);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_remove_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
transfer_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *param)
{
  SaJournalList *self = SA_JOURNAL_LIST (widget);
  SaHandOff *hand_off = find_entry (self, g_variant_get_int64 (param));

  if (hand_off == NULL || self->watch == NULL)
    return;

  sa_transfer_dialog_run (widget, self->watch, hand_off);
}

static void
check_now_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *param)
{
  SaJournalList *self = SA_JOURNAL_LIST (widget);

  if (self->watch != NULL)
    sa_watch_check_now (self->watch);
}

static void
exported_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  SaJournalList *self;
  g_autoptr(GError) error = NULL;

  if (!sa_journal_export_csv_finish (SA_JOURNAL (source), result, &error) &&
      g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  self = SA_JOURNAL_LIST (user_data);
  sa_ui_show_toast (GTK_WIDGET (self), error != NULL ? error->message : _("Journal exported"));
}

/**
 * sa_journal_list_export:
 * @self: a #SaJournalList
 * @file: where to write the CSV file (replaced)
 *
 * Exports the whole journal to @file as CSV (RFC 4180, the UI language's
 * headers; docs/journal.md), written off the UI thread; a toast says when it
 * is done or why not. What the file chooser of journal.export leads to.
 */
void
sa_journal_list_export (SaJournalList *self,
                        GFile         *file)
{
  g_return_if_fail (SA_IS_JOURNAL_LIST (self));
  g_return_if_fail (G_IS_FILE (file));

  if (self->journal == NULL)
    return;

  sa_journal_export_csv_async (self->journal, file, self->cancellable, exported_cb, self);
}

static void
on_chooser_response (GtkNativeDialog *chooser,
                     int              response,
                     SaJournalList   *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

      if (file != NULL)
        sa_journal_list_export (self, file);
    }
  g_clear_object (&self->chooser);
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  SaJournalList *self = SA_JOURNAL_LIST (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  if (self->journal == NULL || self->chooser != NULL)
    return;

  self->chooser = gtk_file_chooser_native_new (_("Export the Journal"),
                                               GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                               GTK_FILE_CHOOSER_ACTION_SAVE,
                                               _("_Export"), _("_Cancel"));
  /* Translators: the file name an export is offered under */
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (self->chooser), _("journal.csv"));
  gtk_file_filter_set_name (filter, _("CSV files"));
  gtk_file_filter_add_mime_type (filter, "text/csv");
  gtk_file_filter_add_pattern (filter, "*.csv");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), filter);
  g_signal_connect (self->chooser, "response", G_CALLBACK (on_chooser_response), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

static void
disconnect (SaJournalList *self)
{
  if (self->journal != NULL)
    g_signal_handlers_disconnect_by_data (self->journal, self);
  g_clear_object (&self->journal);
  g_clear_object (&self->watch);
}

static void
sa_journal_list_dispose (GObject *object)
{
  SaJournalList *self = SA_JOURNAL_LIST (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_handle_id (&self->reload_idle, g_source_remove);
  if (self->chooser != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->chooser, self);
      gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
      g_clear_object (&self->chooser);
    }
  disconnect (self);
  g_clear_object (&self->entries);

  G_OBJECT_CLASS (sa_journal_list_parent_class)->dispose (object);
}

static void
sa_journal_list_finalize (GObject *object)
{
  SaJournalList *self = SA_JOURNAL_LIST (object);

  g_free (self->subject);

  G_OBJECT_CLASS (sa_journal_list_parent_class)->finalize (object);
}

static void
sa_journal_list_class_init (SaJournalListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sa_journal_list_dispose;
  object_class->finalize = sa_journal_list_finalize;

  gtk_widget_class_install_action (widget_class, "journal.remove", "x", remove_action);
  gtk_widget_class_install_action (widget_class, "journal.transfer", "x", transfer_action);
  gtk_widget_class_install_action (widget_class, "journal.export", NULL, export_action);
  gtk_widget_class_install_action (widget_class, "journal.check-now", NULL, check_now_action);
}

/* One of the header's buttons: @mnemonic shown as its label, or, when
 * @icon_name is given, the icon alone (the narrow variant), @mnemonic then
 * being its accessible name. */
static GtkWidget *
make_header_button (const char *mnemonic,
                    const char *icon_name,
                    const char *tooltip,
                    const char *action_name)
{
  GtkWidget *button;

  if (icon_name != NULL)
    {
      g_autofree char *name = g_strdup (mnemonic);
      char *out = name;

      /* the accessible name without the mnemonic's underscore */
      for (const char *in = mnemonic; *in != '\0'; in++)
        if (*in != '_')
          *out++ = *in;
      *out = '\0';
      button = gtk_button_new_from_icon_name (icon_name);
      gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
    }
  else
    button = gtk_button_new_with_mnemonic (mnemonic);

  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action_name);
  gtk_widget_add_css_class (button, "flat");
  return button;
}

/* The header's buttons with their labels, or as icons when the list is
 * narrow (an AdwSqueezer picks the first that fits). */
static GtkWidget *
make_header_buttons (void)
{
  GtkWidget *squeezer = adw_squeezer_new ();

  adw_squeezer_set_transition_type (ADW_SQUEEZER (squeezer), ADW_SQUEEZER_TRANSITION_TYPE_NONE);
  adw_squeezer_set_xalign (ADW_SQUEEZER (squeezer), 1);
  for (guint narrow = 0; narrow < 2; narrow++)
    {
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);

      gtk_box_append (GTK_BOX (box), make_header_button (_("C_heck Now"), narrow ? "view-refresh-symbolic" : NULL,
                                                         _("Check the open entries with Cisco now"),
                                                         "journal.check-now"));
      gtk_box_append (GTK_BOX (box), make_header_button (_("_Export…"), narrow ? "document-save-symbolic" : NULL,
                                                         _("Export the journal to a CSV file"),
                                                         "journal.export"));
      adw_squeezer_add (ADW_SQUEEZER (squeezer), box);
    }
  return squeezer;
}

static void
sa_journal_list_init (SaJournalList *self)
{
  GtkWidget *header = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *placeholder;

  self->cancellable = g_cancellable_new ();
  gtk_orientable_set_orientation (GTK_ORIENTABLE (self), GTK_ORIENTATION_VERTICAL);
  gtk_box_set_spacing (GTK_BOX (self), 6);

  self->title_label = g_object_new (GTK_TYPE_LABEL,
                                    "label", _("Handed Off to Cisco's Portal"),
                                    "accessible-role", GTK_ACCESSIBLE_ROLE_HEADING,
                                    NULL);
  gtk_label_set_xalign (GTK_LABEL (self->title_label), 0);
  gtk_label_set_wrap (GTK_LABEL (self->title_label), TRUE);
  gtk_widget_set_hexpand (self->title_label, TRUE);
  gtk_widget_add_css_class (self->title_label, "heading");
  gtk_box_append (GTK_BOX (header), self->title_label);
  gtk_box_append (GTK_BOX (header), make_header_buttons ());
  gtk_box_append (GTK_BOX (self), header);

  self->list_box = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_list_box_set_selection_mode (self->list_box, GTK_SELECTION_NONE);
  gtk_widget_add_css_class (GTK_WIDGET (self->list_box), "boxed-list");
  placeholder = gtk_label_new (_("Nothing handed off yet. What you complete in Cisco's portal from the app "
                                 "appears here until the app sees it done."));
  gtk_label_set_wrap (GTK_LABEL (placeholder), TRUE);
  gtk_widget_add_css_class (placeholder, "dim-label");
  gtk_widget_set_margin_top (placeholder, 12);
  gtk_widget_set_margin_bottom (placeholder, 12);
  gtk_widget_set_margin_start (placeholder, 12);
  gtk_widget_set_margin_end (placeholder, 12);
  gtk_list_box_set_placeholder (self->list_box, placeholder);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->list_box),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Handed Off to Cisco's Portal"), -1);
  gtk_box_append (GTK_BOX (self), GTK_WIDGET (self->list_box));

  update_actions (self);
}

/**
 * sa_journal_list_new_for_procedure:
 * @procedure: the procedure whose entries are listed (a request view's)
 *
 * Returns: (transfer floating): the list; it shows entries once
 *   sa_journal_list_set_journal() gave it the journal
 */
GtkWidget *
sa_journal_list_new_for_procedure (SaHandOffProcedure procedure)
{
  SaJournalList *self = g_object_new (SA_TYPE_JOURNAL_LIST, NULL);

  self->procedure = procedure;
  return GTK_WIDGET (self);
}

/**
 * sa_journal_list_new_for_subject:
 *
 * The list of an order page: the entries whose subject is the Sales Order
 * No. given by sa_journal_list_set_subject().
 *
 * Returns: (transfer floating): the list
 */
GtkWidget *
sa_journal_list_new_for_subject (void)
{
  SaJournalList *self = g_object_new (SA_TYPE_JOURNAL_LIST, NULL);

  self->by_subject = TRUE;
  gtk_label_set_text (GTK_LABEL (self->title_label), _("This Order in the Journal"));
  return GTK_WIDGET (self);
}

/**
 * sa_journal_list_set_subject:
 * @self: a list made by sa_journal_list_new_for_subject()
 * @subject: (nullable): the Sales Order No. (or Account Domain Identifier)
 *
 * Lists the entries about @subject.
 */
void
sa_journal_list_set_subject (SaJournalList *self,
                             const char    *subject)
{
  GtkWidget *child;

  g_return_if_fail (SA_IS_JOURNAL_LIST (self));

  if (g_strcmp0 (self->subject, subject) == 0)
    return;

  g_free (self->subject);
  self->subject = g_strdup (subject);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list_box))) != NULL)
    gtk_list_box_remove (self->list_box, child);
  g_clear_object (&self->entries);
  load (self);
}

/**
 * sa_journal_list_set_journal:
 * @self: a #SaJournalList
 * @journal: (nullable): the application's journal
 * @watch: (nullable): the watch, when one runs (Check Now, Move Licenses…)
 *
 * Lists @journal's entries and follows its changes.
 */
void
sa_journal_list_set_journal (SaJournalList *self,
                             SaJournal     *journal,
                             SaWatch       *watch)
{
  g_return_if_fail (SA_IS_JOURNAL_LIST (self));
  g_return_if_fail (journal == NULL || SA_IS_JOURNAL (journal));
  g_return_if_fail (watch == NULL || SA_IS_WATCH (watch));

  disconnect (self);
  sa_ui_renew_cancellable (&self->cancellable);
  self->loading = FALSE;
  self->reload_again = FALSE;

  if (journal != NULL)
    {
      self->journal = g_object_ref (journal);
      g_signal_connect (journal, "changed", G_CALLBACK (on_journal_changed), self);
    }
  if (watch != NULL)
    self->watch = g_object_ref (watch);
  update_actions (self);
  load (self);
}

/**
 * sa_journal_list_get_loading:
 * @self: a #SaJournalList
 *
 * Returns: %TRUE while the entries are being read
 */
gboolean
sa_journal_list_get_loading (SaJournalList *self)
{
  g_return_val_if_fail (SA_IS_JOURNAL_LIST (self), FALSE);

  return self->loading || self->reload_idle != 0;
}

/**
 * sa_journal_list_get_entries:
 * @self: a #SaJournalList
 *
 * Returns: (transfer none) (nullable): the entries last read (before the
 *   procedure filter), or %NULL before the first list
 */
GListModel *
sa_journal_list_get_entries (SaJournalList *self)
{
  g_return_val_if_fail (SA_IS_JOURNAL_LIST (self), NULL);

  return self->entries;
}

/**
 * sa_journal_list_find_row:
 * @self: a #SaJournalList
 * @id: an entry's id
 *
 * Returns: (transfer none) (nullable): the row of entry @id, if listed
 */
SaHandOffRow *
sa_journal_list_find_row (SaJournalList *self,
                          gint64         id)
{
  g_return_val_if_fail (SA_IS_JOURNAL_LIST (self), NULL);

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->list_box));
       child != NULL; child = gtk_widget_get_next_sibling (child))
    if (SA_IS_HAND_OFF_ROW (child) &&
        sa_hand_off_get_id (sa_hand_off_row_get_hand_off (SA_HAND_OFF_ROW (child))) == id)
      return SA_HAND_OFF_ROW (child);

  return NULL;
}

/**
 * sa_journal_list_new_scrolled:
 * @self: a #SaJournalList
 *
 * Wraps @self as a view's page: scrolled, at the width the request views
 * use (900 px at most), with their margins.
 *
 * Returns: (transfer floating): the #GtkScrolledWindow holding @self
 */
GtkWidget *
sa_journal_list_new_scrolled (SaJournalList *self)
{
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkWidget *clamp = adw_clamp_new ();

  g_return_val_if_fail (SA_IS_JOURNAL_LIST (self), NULL);

  gtk_widget_set_margin_top (GTK_WIDGET (self), 12);
  gtk_widget_set_margin_bottom (GTK_WIDGET (self), 18);
  gtk_widget_set_margin_start (GTK_WIDGET (self), 18);
  gtk_widget_set_margin_end (GTK_WIDGET (self), 18);
  adw_clamp_set_maximum_size (ADW_CLAMP (clamp), 900);
  adw_clamp_set_child (ADW_CLAMP (clamp), GTK_WIDGET (self));
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), clamp);
  gtk_widget_set_vexpand (scrolled, TRUE);

  return scrolled;
}
