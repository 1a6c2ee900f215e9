/* sa-wizard.c — the one shell of the request wizards: pages, Back and Next,
 * the step, the procedure panel and the saved draft's banner
 *
 * "Request a Smart Account" (procedure 3) and "Request Access to an Existing
 * Smart Account" (procedure 4) look and behave alike because both are an
 * SaWizard:
 *
 *  - the header bar holds the title with "Step x of y" under it, the
 *    procedure panel's toggle and the window's one close button; the bar at
 *    the bottom holds the navigation: Back at the start, Next at the end
 *    (Send Request on the last step, Done on the result page), so that both
 *    fit a 360 px window in every language (issue 15);
 *  - Next is enabled, and is the window's default widget (Enter), only while
 *    the page is complete (SaWizardClass.page_complete); Alt+Left and
 *    Alt+Right go back and forth, Escape closes, F9 shows the procedure panel;
 *    the actions are wizard.back, wizard.next, wizard.send (Next on the last
 *    step only), wizard.close, wizard.restore-draft and wizard.discard-draft;
 *  - the pages are the children of the internal child "stack": every page is
 *    a step but the last, the result;
 *  - the procedure panel beside the pages shows the documented step;
 *  - the form is a draft (sa-wizard-draft.h) that records the page the user
 *    was on; an earlier draft is offered back in a banner above the page
 *    (Restore, Discard), and restoring it reopens the page the user left,
 *    focus in its first field.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "sa-accessible-names.h"
#include "sa-procedure-panel.h"
#include "sa-ui-util.h"
#include "sa-wizard-draft.h"
#include "sa-wizard.h"

typedef struct
{
  SaWizardDraft    *draft;

  AdwWindowTitle   *window_title;
  GtkActionBar     *navigation_bar;
  GtkButton        *back_button;
  GtkButton        *next_button;
  GtkSpinner       *busy_spinner;
  SaProcedurePanel *procedure_panel;
  GtkRevealer      *draft_revealer;
  GtkLabel         *draft_label;
  GtkButton        *restore_draft_button;
  GtkButton        *discard_draft_button;
  GtkStack         *stack;

  guint             busy : 1;
} SaWizardPrivate;

static void sa_wizard_buildable_init (GtkBuildableIface *iface);

G_DEFINE_TYPE_WITH_CODE (SaWizard, sa_wizard, ADW_TYPE_WINDOW,
                         G_ADD_PRIVATE (SaWizard)
                         G_IMPLEMENT_INTERFACE (GTK_TYPE_BUILDABLE, sa_wizard_buildable_init))

/* The draft name of a wizard class, as type data. */
static GQuark draft_name_quark;

enum {
  PROP_0,
  PROP_PAGE,
  PROP_BUSY,
  PROP_DRAFT_LOADING,
  PROP_DRAFT_OFFERED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static GtkBuildableIface *parent_buildable_iface;

/* ---- Pages ---- */

/* The position of @page among the pages, or -1. */
static int
page_position (SaWizard   *self,
               const char *page)
{
  SaWizardPrivate *priv = sa_wizard_get_instance_private (self);
  int position = 0;

  if (page == NULL)
    return -1;

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (priv->stack));
       child != NULL;
       child = gtk_widget_get_next_sibling (child), position++)
    if (g_strcmp0 (gtk_stack_get_page (priv->stack, child) ?
                   gtk_stack_page_get_name (gtk_stack_get_page (priv->stack, child)) : NULL,
                   page) == 0)
      return position;

  return -1;
}

static guint
n_pages (SaWizard *self)
{
  SaWizardPrivate *priv = sa_wizard_get_instance_private (self);
  guint n = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (priv->stack));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    n++;

  return n;
}

static const char *
page_at (SaWizard *self,
         int       position)
{
  SaWizardPrivate *priv = sa_wizard_get_instance_private (self);
  GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (priv->stack));

  if (position < 0)
    return NULL;

  for (int i = 0; child != NULL && i < position; i++)
    child = gtk_widget_get_next_sibling (child);

  return child != NULL ? gtk_stack_page_get_name (gtk_stack_get_page (priv->stack, child)) : NULL;
}

/* Whether @page is one of the steps of the form: not the result page (the
 * last), nor a name that is not a page. */
static gboolean
page_is_step (SaWizard   *self,
              const char *page)
{
  int position = page_position (self, page);

  return position >= 0 && (guint) position + 1 < n_pages (self);
}

/**
 * sa_wizard_get_page:
 * @self: a #SaWizard
 *
 * Returns: (transfer none) (nullable): the name of the page shown
 */
const char *
sa_wizard_get_page (SaWizard *self)
{
  SaWizardPrivate *priv;

  g_return_val_if_fail (SA_IS_WIZARD (self), NULL);

  priv = sa_wizard_get_instance_private (self);

  return gtk_stack_get_visible_child_name (priv->stack);
}

/**
 * sa_wizard_update_navigation:
 * @self: a #SaWizard
 *
 * Brings Back, Next (its label and whether it is enabled and the default
 * widget), the spinner and the step under the title up to date. Call it
 * whenever what SaWizardClass.page_complete answers may have changed.
 */
void
sa_wizard_update_navigation (SaWizard *self)
{
  SaWizardPrivate *priv;
  SaWizardClass *klass;
  const char *page;
  int position;
  guint n;
  gboolean result;
  gboolean complete;
  g_autofree char *step = NULL;

  g_return_if_fail (SA_IS_WIZARD (self));

  priv = sa_wizard_get_instance_private (self);
  klass = SA_WIZARD_GET_CLASS (self);
  page = sa_wizard_get_page (self);
  position = page_position (self, page);
  n = n_pages (self);
  if (position < 0 || n == 0)
    return;

  result = (guint) position + 1 == n;
  complete = result || (!priv->busy && (klass->page_complete == NULL || klass->page_complete (self, page)));

  gtk_widget_set_visible (GTK_WIDGET (priv->back_button), position > 0 && !result);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "wizard.back", position > 0 && !result && !priv->busy);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "wizard.next", complete);

  if (result)
    gtk_button_set_label (priv->next_button, _("_Done"));
  else if ((guint) position + 2 == n)
    /* Translators: the button that sends the request, as in the portal */
    gtk_button_set_label (priv->next_button, _("_Send Request"));
  else
    gtk_button_set_label (priv->next_button, _("_Next"));

  /* Enter moves on only from a complete page. */
  gtk_window_set_default_widget (GTK_WINDOW (self), complete ? GTK_WIDGET (priv->next_button) : NULL);

  gtk_widget_set_visible (GTK_WIDGET (priv->busy_spinner), priv->busy);
  gtk_spinner_set_spinning (priv->busy_spinner, priv->busy);

  if (!result)
    step = sa_procedure_dup_step_of (position + 1, n - 1);
  adw_window_title_set_subtitle (priv->window_title, step != NULL ? step : "");
}

/* The first field of a page that the user can type in or choose: shown,
 * sensitive, an entry or an editable text. */
static GtkWidget *
find_first_field (GtkWidget *widget)
{
  if (!gtk_widget_get_visible (widget) || !gtk_widget_get_child_visible (widget) ||
      !gtk_widget_is_sensitive (widget))
    return NULL;

  if (GTK_IS_EDITABLE (widget) ||
      (GTK_IS_TEXT_VIEW (widget) && gtk_text_view_get_editable (GTK_TEXT_VIEW (widget))))
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *field = find_first_field (child);

      if (field != NULL)
        return field;
    }

  return NULL;
}

/**
 * sa_wizard_show_page:
 * @self: a #SaWizard
 * @page: the name of one of the wizard's pages
 * @focus: (nullable): the widget to focus, or %NULL for the page's first
 *   field (an entry or a text; Next when the page has none)
 *
 * Shows @page with the navigation and the step that go with it, and records
 * the page in the draft.
 */
void
sa_wizard_show_page (SaWizard   *self,
                     const char *page,
                     GtkWidget  *focus)
{
  SaWizardPrivate *priv;
  SaWizardClass *klass;

  g_return_if_fail (SA_IS_WIZARD (self));
  g_return_if_fail (page_position (self, page) >= 0);

  priv = sa_wizard_get_instance_private (self);
  klass = SA_WIZARD_GET_CLASS (self);

  /* Move the focus off the page about to be hidden first. */
  gtk_root_set_focus (GTK_ROOT (self), NULL);
  gtk_stack_set_visible_child_name (priv->stack, page);

  if (klass->page_shown != NULL)
    klass->page_shown (self, page);
  sa_wizard_update_navigation (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PAGE]);

  if (page_is_step (self, page) && priv->draft != NULL)
    sa_wizard_draft_changed (priv->draft);

  if (focus == NULL)
    focus = find_first_field (gtk_stack_get_visible_child (priv->stack));
  if (focus == NULL)
    focus = GTK_WIDGET (priv->next_button);
  gtk_widget_grab_focus (focus);
}

/* ---- Busy ---- */

/**
 * sa_wizard_set_busy:
 * @self: a #SaWizard
 * @busy: %TRUE while the request is being sent
 *
 * Shows the spinner beside Next and holds the navigation while @busy.
 */
void
sa_wizard_set_busy (SaWizard *self,
                    gboolean  busy)
{
  SaWizardPrivate *priv;

  g_return_if_fail (SA_IS_WIZARD (self));

  priv = sa_wizard_get_instance_private (self);
  busy = !!busy;
  if (priv->busy == (guint) busy)
    return;

  priv->busy = busy;
  sa_wizard_update_navigation (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

/* ---- The procedure panel ---- */

/**
 * sa_wizard_show_procedure_step:
 * @self: a #SaWizard
 * @step: the documented step the page carries out
 *
 * Shows @step of its procedure (the catalogue's title, heading and text) in
 * the procedure panel beside the pages.
 */
void
sa_wizard_show_procedure_step (SaWizard        *self,
                               SaProcedureStep  step)
{
  SaWizardPrivate *priv;

  g_return_if_fail (SA_IS_WIZARD (self));

  priv = sa_wizard_get_instance_private (self);
  sa_procedure_panel_show_step (priv->procedure_panel, step);
}

/* ---- The draft ---- */

static GVariant *
build_draft (gpointer user_data)
{
  SaWizard *self = SA_WIZARD (user_data);
  SaWizardClass *klass = SA_WIZARD_GET_CLASS (self);
  g_auto(GVariantDict) dict = G_VARIANT_DICT_INIT (NULL);
  const char *page = sa_wizard_get_page (self);

  if (klass->save_draft == NULL || !klass->save_draft (self, &dict))
    return NULL;

  if (page_is_step (self, page))
    g_variant_dict_insert (&dict, SA_WIZARD_DRAFT_KEY_PAGE, "s", page);

  return g_variant_dict_end (&dict);
}

static void
on_draft_offered (SaWizardDraft *draft,
                  GParamSpec    *pspec,
                  SaWizard      *self)
{
  SaWizardPrivate *priv = sa_wizard_get_instance_private (self);
  SaWizardClass *klass = SA_WIZARD_GET_CLASS (self);
  GVariant *offered = sa_wizard_draft_get_offered (draft);

  if (offered != NULL)
    {
      g_autofree char *text = klass->describe_draft ? klass->describe_draft (self, offered) : NULL;

      gtk_label_set_text (priv->draft_label, text != NULL ? text : "");
    }
  gtk_revealer_set_reveal_child (priv->draft_revealer, offered != NULL);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DRAFT_OFFERED]);
}

static void
on_draft_loading (SaWizardDraft *draft,
                  GParamSpec    *pspec,
                  SaWizard      *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DRAFT_LOADING]);
}

/**
 * sa_wizard_load_draft:
 * @self: a #SaWizard
 *
 * Reads the earlier draft of the form (the class's draft name, see
 * sa_wizard_class_set_draft_name()) and, when it holds something, offers it
 * back in the banner above the page. Call it once, when the wizard opens
 * with an empty form.
 */
void
sa_wizard_load_draft (SaWizard *self)
{
  SaWizardPrivate *priv;

  g_return_if_fail (SA_IS_WIZARD (self));

  priv = sa_wizard_get_instance_private (self);
  g_return_if_fail (priv->draft != NULL);

  sa_wizard_draft_load (priv->draft);
}

/**
 * sa_wizard_form_changed:
 * @self: a #SaWizard
 *
 * Something in the form changed: the navigation is brought up to date and
 * the draft saved after the one delay (%SA_WIZARD_DRAFT_SAVE_DELAY_MS).
 */
void
sa_wizard_form_changed (SaWizard *self)
{
  SaWizardPrivate *priv;

  g_return_if_fail (SA_IS_WIZARD (self));

  priv = sa_wizard_get_instance_private (self);
  sa_wizard_update_navigation (self);
  if (priv->draft != NULL)
    sa_wizard_draft_changed (priv->draft);
}

/**
 * sa_wizard_finish_draft:
 * @self: a #SaWizard
 *
 * The request was sent (the last documented step): the draft is removed and
 * no longer saved.
 */
void
sa_wizard_finish_draft (SaWizard *self)
{
  SaWizardPrivate *priv;

  g_return_if_fail (SA_IS_WIZARD (self));

  priv = sa_wizard_get_instance_private (self);
  if (priv->draft != NULL)
    sa_wizard_draft_finish (priv->draft);
}

/* ---- Actions ---- */

static void
next_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  SaWizard *self = SA_WIZARD (widget);
  SaWizardPrivate *priv = sa_wizard_get_instance_private (self);
  SaWizardClass *klass = SA_WIZARD_GET_CLASS (self);
  const char *page = sa_wizard_get_page (self);
  int position = page_position (self, page);

  if (position < 0)
    return;

  if (!page_is_step (self, page))
    {
      gtk_window_close (GTK_WINDOW (self));
      return;
    }

  if (priv->busy || (klass->page_complete != NULL && !klass->page_complete (self, page)))
    return;

  klass->next (self, page);
}

static void
sa_wizard_real_next (SaWizard   *self,
                     const char *page)
{
  SaWizardClass *klass = SA_WIZARD_GET_CLASS (self);
  int position = page_position (self, page);

  if ((guint) position + 2 == n_pages (self))
    {
      SaWizardPrivate *priv = sa_wizard_get_instance_private (self);

      /* Whatever happens to the request, the form is on disk first. */
      if (priv->draft != NULL)
        sa_wizard_draft_flush (priv->draft);
      if (klass->send != NULL)
        klass->send (self);
    }
  else
    sa_wizard_show_page (self, page_at (self, position + 1), NULL);
}

static void
send_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  SaWizard *self = SA_WIZARD (widget);
  int position = page_position (self, sa_wizard_get_page (self));

  /* Send Request is what Next does on the last step, and only there. */
  if (position >= 0 && (guint) position + 2 == n_pages (self))
    next_action (widget, action_name, param);
}

static void
back_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  SaWizard *self = SA_WIZARD (widget);
  SaWizardPrivate *priv = sa_wizard_get_instance_private (self);
  const char *page = sa_wizard_get_page (self);
  int position = page_position (self, page);

  if (priv->busy || position <= 0 || !page_is_step (self, page))
    return;

  sa_wizard_show_page (self, page_at (self, position - 1), NULL);
}

static void
close_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *param)
{
  gtk_window_close (GTK_WINDOW (widget));
}

static void
restore_draft_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *param)
{
  SaWizard *self = SA_WIZARD (widget);
  SaWizardPrivate *priv = sa_wizard_get_instance_private (self);
  SaWizardClass *klass = SA_WIZARD_GET_CLASS (self);
  g_autoptr(GVariant) draft = NULL;

  if (priv->draft == NULL || (draft = sa_wizard_draft_take_offered (priv->draft)) == NULL)
    return;

  if (klass->restore_draft != NULL)
    klass->restore_draft (self, draft, sa_wizard_draft_lookup_string (draft, SA_WIZARD_DRAFT_KEY_PAGE));

  sa_ui_show_toast (GTK_WIDGET (priv->stack), _("Earlier request restored"));
}

static void
discard_draft_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *param)
{
  SaWizard *self = SA_WIZARD (widget);
  SaWizardPrivate *priv = sa_wizard_get_instance_private (self);

  if (priv->draft != NULL)
    sa_wizard_draft_discard (priv->draft);
}

/* ---- GtkBuildable: the pages come through the internal child "stack" ---- */

static GObject *
sa_wizard_buildable_get_internal_child (GtkBuildable *buildable,
                                        GtkBuilder   *builder,
                                        const char   *childname)
{
  SaWizard *self = SA_WIZARD (buildable);
  SaWizardPrivate *priv = sa_wizard_get_instance_private (self);

  if (g_strcmp0 (childname, "stack") == 0)
    return G_OBJECT (priv->stack);

  return parent_buildable_iface->get_internal_child (buildable, builder, childname);
}

static void
sa_wizard_buildable_init (GtkBuildableIface *iface)
{
  parent_buildable_iface = g_type_interface_peek_parent (iface);
  iface->get_internal_child = sa_wizard_buildable_get_internal_child;
}

/* ---- GObject and GtkWidget ---- */

static void
sa_wizard_constructed (GObject *object)
{
  SaWizard *self = SA_WIZARD (object);
  SaWizardPrivate *priv = sa_wizard_get_instance_private (self);
  const char *draft_name = NULL;

  G_OBJECT_CLASS (sa_wizard_parent_class)->constructed (object);

  for (GType type = G_OBJECT_TYPE (object); draft_name == NULL && type != SA_TYPE_WIZARD;
       type = g_type_parent (type))
    draft_name = g_type_get_qdata (type, draft_name_quark);

  /* Every class in the chain ran its template by now: the pages are there. */
  if (draft_name != NULL)
    {
      priv->draft = sa_wizard_draft_new (draft_name, build_draft, self);
      g_signal_connect_object (priv->draft, "notify::offered", G_CALLBACK (on_draft_offered), self, 0);
      g_signal_connect_object (priv->draft, "notify::loading", G_CALLBACK (on_draft_loading), self, 0);
    }
}

static void
sa_wizard_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  SaWizard *self = SA_WIZARD (object);
  SaWizardPrivate *priv = sa_wizard_get_instance_private (self);

  switch (prop_id)
    {
    case PROP_PAGE:
      g_value_set_string (value, sa_wizard_get_page (self));
      break;
    case PROP_BUSY:
      g_value_set_boolean (value, priv->busy);
      break;
    case PROP_DRAFT_LOADING:
      g_value_set_boolean (value, priv->draft != NULL && sa_wizard_draft_get_loading (priv->draft));
      break;
    case PROP_DRAFT_OFFERED:
      g_value_set_boolean (value, priv->draft != NULL && sa_wizard_draft_get_offered (priv->draft) != NULL);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sa_wizard_dispose (GObject *object)
{
  SaWizard *self = SA_WIZARD (object);
  SaWizardPrivate *priv = sa_wizard_get_instance_private (self);

  /* The draft writes what still waits for its delay as it goes. */
  if (priv->draft != NULL)
    g_signal_handlers_disconnect_by_data (priv->draft, self);
  g_clear_object (&priv->draft);

  /* No gtk_widget_dispose_template() here: with GTK 4.8 it aborts
   * ("child != NULL") once a subclass's template has filled the internal
   * child "stack". The template children are released with the widget
   * instead; none of them is a direct child of the window, and nothing
   * reads them after dispose. */

  G_OBJECT_CLASS (sa_wizard_parent_class)->dispose (object);
}

static void
sa_wizard_class_init (SaWizardClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  sa_accessible_names_install ();

  draft_name_quark = g_quark_from_static_string ("sa-wizard-draft-name");

  object_class->constructed = sa_wizard_constructed;
  object_class->get_property = sa_wizard_get_property;
  object_class->dispose = sa_wizard_dispose;
  klass->next = sa_wizard_real_next;

  /**
   * SaWizard:page:
   *
   * The name of the page shown.
   */
  properties[PROP_PAGE] =
    g_param_spec_string ("page", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * SaWizard:busy:
   *
   * %TRUE while the request is being sent (sa_wizard_set_busy()).
   */
  properties[PROP_BUSY] =
    g_param_spec_boolean ("busy", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * SaWizard:draft-loading:
   *
   * %TRUE while the earlier draft is being read.
   */
  properties[PROP_DRAFT_LOADING] =
    g_param_spec_boolean ("draft-loading", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * SaWizard:draft-offered:
   *
   * %TRUE while the banner offers the earlier draft back.
   */
  properties[PROP_DRAFT_OFFERED] =
    g_param_spec_boolean ("draft-offered", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (SA_TYPE_PROCEDURE_PANEL);

  gtk_widget_class_set_template_from_resource (widget_class, SA_RESOURCE_PATH "/common/sa-wizard.ui");
  gtk_widget_class_bind_template_child_private (widget_class, SaWizard, window_title);
  gtk_widget_class_bind_template_child_private (widget_class, SaWizard, navigation_bar);
  gtk_widget_class_bind_template_child_private (widget_class, SaWizard, back_button);
  gtk_widget_class_bind_template_child_private (widget_class, SaWizard, next_button);
  gtk_widget_class_bind_template_child_private (widget_class, SaWizard, busy_spinner);
  gtk_widget_class_bind_template_child_private (widget_class, SaWizard, procedure_panel);
  gtk_widget_class_bind_template_child_private (widget_class, SaWizard, draft_revealer);
  gtk_widget_class_bind_template_child_private (widget_class, SaWizard, draft_label);
  gtk_widget_class_bind_template_child_private (widget_class, SaWizard, restore_draft_button);
  gtk_widget_class_bind_template_child_private (widget_class, SaWizard, discard_draft_button);
  gtk_widget_class_bind_template_child_private (widget_class, SaWizard, stack);

  gtk_widget_class_install_action (widget_class, "wizard.next", NULL, next_action);
  gtk_widget_class_install_action (widget_class, "wizard.back", NULL, back_action);
  gtk_widget_class_install_action (widget_class, "wizard.send", NULL, send_action);
  gtk_widget_class_install_action (widget_class, "wizard.close", NULL, close_action);
  gtk_widget_class_install_action (widget_class, "wizard.restore-draft", NULL, restore_draft_action);
  gtk_widget_class_install_action (widget_class, "wizard.discard-draft", NULL, discard_draft_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "wizard.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F9, 0, "settings.show-procedure-panel", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, GDK_ALT_MASK, "wizard.back", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Right, GDK_ALT_MASK, "wizard.next", NULL);
}

static void
sa_wizard_init (SaWizard *self)
{
  SaWizardPrivate *priv = sa_wizard_get_instance_private (self);

  gtk_widget_init_template (GTK_WIDGET (self));

  g_object_bind_property (self, "title", priv->window_title, "title", G_BINDING_SYNC_CREATE);
  sa_ui_insert_settings_actions (GTK_WIDGET (self));
}

/**
 * sa_wizard_class_set_draft_name:
 * @klass: a #SaWizardClass
 * @name: the name of the wizard's draft for core's sa-draft.h, such as
 *   %SA_DRAFT_ACCOUNT_REQUEST
 *
 * Gives the wizards of @klass a draft (the form "survives a crash or close").
 * Call it in the class_init function.
 */
void
sa_wizard_class_set_draft_name (SaWizardClass *klass,
                                const char    *name)
{
  g_return_if_fail (SA_IS_WIZARD_CLASS (klass));
  g_return_if_fail (name != NULL);

  /* Classes live as long as the program. */
  g_type_set_qdata (G_TYPE_FROM_CLASS (klass), draft_name_quark, g_strdup (name));
}
