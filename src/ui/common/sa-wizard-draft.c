/* sa-wizard-draft.c — the draft of a wizard's form: saved as it changes,
 * offered back when the wizard opens again
 *
 * The architecture promises that a wizard's form survives a crash or a close
 * (procedures 3 and 4: "Request a Smart Account", "Request Access to an
 * Existing Smart Account"). Both wizards keep their draft with this one
 * helper, over core's sa-draft.h, so that they follow one set of rules:
 *
 *  - a change is saved SA_WIZARD_DRAFT_SAVE_DELAY_MS after the last one;
 *    the draft is built when the form changes, so a save still waiting
 *    when the wizard closes or is destroyed is written at once, without
 *    the widgets (sa_wizard_draft_flush(), and when the helper goes);
 *  - something typed is saved even while the earlier draft is being read
 *    (the user started a new request: the earlier one is not offered);
 *  - the earlier draft is offered back (its values are kept aside, the form
 *    stays empty) until the user restores it, discards it, or starts typing
 *    a new request, which withdraws the offer;
 *  - a form with nothing typed never removes a draft that is being read or
 *    offered: only a form the user emptied does;
 *  - once the request is sent the draft is removed and never saved again.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "sa-core.h"
#include "sa-wizard-draft.h"

struct _SaWizardDraft
{
  GObject                 parent_instance;

  char                   *name;
  SaWizardDraftBuildFunc  build;
  gpointer                user_data;
  GCancellable           *cancellable;
  GVariant               *offered;
  GVariant               *pending;       /* to write, or NULL */
  guint                   save_source;
  guint                   pending_remove : 1;
  guint                   loading : 1;
  guint                   finished : 1;
};

G_DEFINE_FINAL_TYPE (SaWizardDraft, sa_wizard_draft, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_LOADING,
  PROP_OFFERED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
draft_saved_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  if (!sa_draft_save_finish (result, &error))
    g_debug ("Saving the draft failed: %s", error->message);
}

static void
draft_removed_cb (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  if (!sa_draft_remove_finish (result, &error))
    g_debug ("Removing the draft failed: %s", error->message);
}

static void
remove_file (SaWizardDraft *self)
{
  /* Not cancellable, as the saves: it must land even if the window closes. */
  sa_draft_remove_async (self->name, NULL, draft_removed_cb, NULL);
}

static void
set_offered (SaWizardDraft *self,
             GVariant      *offered)
{
  if (self->offered == offered)
    return;

  g_clear_pointer (&self->offered, g_variant_unref);
  self->offered = offered != NULL ? g_variant_ref (offered) : NULL;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_OFFERED]);
}

static GVariant *
build_form (SaWizardDraft *self)
{
  GVariant *value = self->build (self->user_data);

  return value != NULL ? g_variant_ref_sink (value) : NULL;
}

/* Writes what is waiting: the draft built at the last change, or the
 * removal of an emptied form's draft. Not cancellable, so that it lands
 * even when the wizard closes. */
static void
write_pending (SaWizardDraft *self)
{
  g_autoptr(GVariant) pending = g_steal_pointer (&self->pending);
  gboolean remove = self->pending_remove;

  g_clear_handle_id (&self->save_source, g_source_remove);
  self->pending_remove = FALSE;

  if (self->finished)
    return;

  if (pending != NULL)
    sa_draft_save_async (self->name, pending, NULL, draft_saved_cb, NULL);
  else if (remove)
    remove_file (self);
}

static gboolean
save_timeout_cb (gpointer user_data)
{
  SaWizardDraft *self = SA_WIZARD_DRAFT (user_data);

  self->save_source = 0;
  write_pending (self);

  return G_SOURCE_REMOVE;
}

static void
draft_loaded_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  SaWizardDraft *self;
  g_autoptr(GVariant) draft = NULL;
  g_autoptr(GVariant) form = NULL;
  g_autoptr(GError) error = NULL;

  draft = sa_draft_load_finish (result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  self = SA_WIZARD_DRAFT (user_data);
  self->loading = FALSE;

  if (error != NULL)
    g_debug ("The draft “%s” could not be read: %s", self->name, error->message);

  /* Offered only while the user has not started a new request. */
  form = build_form (self);
  if (draft != NULL && !self->finished && form == NULL &&
      g_variant_is_of_type (draft, G_VARIANT_TYPE_VARDICT) && !sa_wizard_draft_is_empty (draft))
    set_offered (self, draft);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);
}

static void
sa_wizard_draft_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  SaWizardDraft *self = SA_WIZARD_DRAFT (object);

  switch (prop_id)
    {
    case PROP_LOADING:
      g_value_set_boolean (value, self->loading);
      break;
    case PROP_OFFERED:
      g_value_set_variant (value, self->offered);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sa_wizard_draft_dispose (GObject *object)
{
  SaWizardDraft *self = SA_WIZARD_DRAFT (object);

  /* The wizard goes: what waits for its delay is written now. */
  write_pending (self);
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->offered, g_variant_unref);

  G_OBJECT_CLASS (sa_wizard_draft_parent_class)->dispose (object);
}

static void
sa_wizard_draft_finalize (GObject *object)
{
  SaWizardDraft *self = SA_WIZARD_DRAFT (object);

  g_free (self->name);

  G_OBJECT_CLASS (sa_wizard_draft_parent_class)->finalize (object);
}

static void
sa_wizard_draft_class_init (SaWizardDraftClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->get_property = sa_wizard_draft_get_property;
  object_class->dispose = sa_wizard_draft_dispose;
  object_class->finalize = sa_wizard_draft_finalize;

  /**
   * SaWizardDraft:loading:
   *
   * %TRUE while the earlier draft is being read.
   */
  properties[PROP_LOADING] =
    g_param_spec_boolean ("loading", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * SaWizardDraft:offered:
   *
   * The earlier draft ("a{sv}") while it is offered back, else %NULL.
   */
  properties[PROP_OFFERED] =
    g_param_spec_variant ("offered", NULL, NULL, G_VARIANT_TYPE_VARDICT, NULL,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
sa_wizard_draft_init (SaWizardDraft *self)
{
  self->cancellable = g_cancellable_new ();
}

/**
 * sa_wizard_draft_new:
 * @name: the draft's name for sa_draft_save_async(), such as
 *   %SA_DRAFT_ACCOUNT_REQUEST
 * @build: (scope notified): builds the draft of the form as it is now
 * @user_data: passed to @build; must outlive the draft (the wizard that owns it)
 *
 * Creates the draft keeper of one wizard (the form "survives a crash or
 * close", for procedures 3 and 4). Nothing is read or written before
 * sa_wizard_draft_load() or sa_wizard_draft_changed().
 *
 * Returns: (transfer full): the new #SaWizardDraft
 */
SaWizardDraft *
sa_wizard_draft_new (const char             *name,
                     SaWizardDraftBuildFunc  build,
                     gpointer                user_data)
{
  SaWizardDraft *self;

  g_return_val_if_fail (name != NULL, NULL);
  g_return_val_if_fail (build != NULL, NULL);

  self = g_object_new (SA_TYPE_WIZARD_DRAFT, NULL);
  self->name = g_strdup (name);
  self->build = build;
  self->user_data = user_data;

  return self;
}

/**
 * sa_wizard_draft_load:
 * @self: a #SaWizardDraft
 *
 * Reads the earlier draft (asynchronously; #SaWizardDraft:loading is %TRUE
 * meanwhile). Once read, a draft with something typed in it is offered back
 * (#SaWizardDraft:offered) unless the form is no longer empty. Call it once,
 * when the wizard opens.
 */
void
sa_wizard_draft_load (SaWizardDraft *self)
{
  g_return_if_fail (SA_IS_WIZARD_DRAFT (self));
  g_return_if_fail (!self->loading);

  self->loading = TRUE;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);
  sa_draft_load_async (self->name, self->cancellable, draft_loaded_cb, self);
}

/**
 * sa_wizard_draft_get_loading:
 * @self: a #SaWizardDraft
 *
 * Returns: %TRUE while the earlier draft is being read
 */
gboolean
sa_wizard_draft_get_loading (SaWizardDraft *self)
{
  g_return_val_if_fail (SA_IS_WIZARD_DRAFT (self), FALSE);

  return self->loading;
}

/**
 * sa_wizard_draft_get_offered:
 * @self: a #SaWizardDraft
 *
 * Returns: (transfer none) (nullable): the earlier draft ("a{sv}") while it
 *   is offered back
 */
GVariant *
sa_wizard_draft_get_offered (SaWizardDraft *self)
{
  g_return_val_if_fail (SA_IS_WIZARD_DRAFT (self), NULL);

  return self->offered;
}

/**
 * sa_wizard_draft_take_offered:
 * @self: a #SaWizardDraft
 *
 * The user chose to restore the earlier draft: it is no longer offered and
 * the caller fills the form with it.
 *
 * Returns: (transfer full) (nullable): the draft that was offered
 */
GVariant *
sa_wizard_draft_take_offered (SaWizardDraft *self)
{
  GVariant *offered;

  g_return_val_if_fail (SA_IS_WIZARD_DRAFT (self), NULL);

  offered = g_steal_pointer (&self->offered);
  if (offered != NULL)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_OFFERED]);

  return offered;
}

/**
 * sa_wizard_draft_discard:
 * @self: a #SaWizardDraft
 *
 * The user chose not to restore the earlier draft: it is no longer offered
 * and its file is removed.
 */
void
sa_wizard_draft_discard (SaWizardDraft *self)
{
  g_return_if_fail (SA_IS_WIZARD_DRAFT (self));

  g_clear_pointer (&self->pending, g_variant_unref);
  self->pending_remove = FALSE;
  set_offered (self, NULL);
  remove_file (self);
}

/**
 * sa_wizard_draft_changed:
 * @self: a #SaWizardDraft
 *
 * The form changed: its draft is built now and saved
 * %SA_WIZARD_DRAFT_SAVE_DELAY_MS after the last change. Something typed in
 * the form withdraws the offer of the earlier draft, which the save then
 * replaces; a form emptied by the user removes its draft.
 */
void
sa_wizard_draft_changed (SaWizardDraft *self)
{
  g_return_if_fail (SA_IS_WIZARD_DRAFT (self));

  if (self->finished)
    return;

  g_clear_pointer (&self->pending, g_variant_unref);
  self->pending = build_form (self);
  /* Something typed withdraws the offer; nothing typed never removes a
   * draft still being read or offered. */
  if (self->pending != NULL)
    set_offered (self, NULL);
  self->pending_remove = self->pending == NULL && !self->loading && self->offered == NULL;

  g_clear_handle_id (&self->save_source, g_source_remove);
  if (self->pending != NULL || self->pending_remove)
    self->save_source = g_timeout_add (SA_WIZARD_DRAFT_SAVE_DELAY_MS, save_timeout_cb, self);
}

/**
 * sa_wizard_draft_flush:
 * @self: a #SaWizardDraft
 *
 * Writes a save still waiting for its delay now (before the request is
 * sent; closing loses nothing either way). The write is not cancellable.
 */
void
sa_wizard_draft_flush (SaWizardDraft *self)
{
  g_return_if_fail (SA_IS_WIZARD_DRAFT (self));

  write_pending (self);
}

/**
 * sa_wizard_draft_finish:
 * @self: a #SaWizardDraft
 *
 * The request was sent: the draft is removed and never saved again.
 */
void
sa_wizard_draft_finish (SaWizardDraft *self)
{
  g_return_if_fail (SA_IS_WIZARD_DRAFT (self));

  self->finished = TRUE;
  g_clear_handle_id (&self->save_source, g_source_remove);
  g_clear_pointer (&self->pending, g_variant_unref);
  set_offered (self, NULL);
  remove_file (self);
}

/**
 * sa_wizard_draft_lookup_string:
 * @draft: an "a{sv}" draft
 * @key: a key of the draft, such as %SA_WIZARD_DRAFT_KEY_PAGE
 *
 * Returns: (transfer none): the string value of @key, or "" when @draft
 *   holds no string under @key
 */
const char *
sa_wizard_draft_lookup_string (GVariant   *draft,
                               const char *key)
{
  const char *value = NULL;

  g_return_val_if_fail (draft != NULL, "");
  g_return_val_if_fail (key != NULL, "");

  if (!g_variant_lookup (draft, key, "&s", &value))
    return "";

  return value;
}

/**
 * sa_wizard_draft_is_empty:
 * @draft: an "a{sv}" draft
 *
 * Returns: %TRUE when @draft holds nothing the user typed or chose: apart
 *   from the page, only empty strings and empty lists
 */
gboolean
sa_wizard_draft_is_empty (GVariant *draft)
{
  GVariantIter iter;
  const char *key;
  GVariant *value;

  g_return_val_if_fail (draft != NULL, TRUE);

  g_variant_iter_init (&iter, draft);
  while (g_variant_iter_loop (&iter, "{&sv}", &key, &value))
    {
      if (g_str_equal (key, SA_WIZARD_DRAFT_KEY_PAGE))
        continue;
      if (g_variant_is_of_type (value, G_VARIANT_TYPE_STRING) &&
          *g_variant_get_string (value, NULL) == '\0')
        continue;
      if (g_variant_is_container (value) && g_variant_n_children (value) == 0)
        continue;

      g_variant_unref (value);
      return FALSE;
    }

  return TRUE;
}
