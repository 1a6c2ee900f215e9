/* sa-procedure-panel.c — the side panel showing the documented step at hand
 *
 * Beside each dialog, wizard and page: the documented procedure, the step the
 * current page carries out and what to do there, all from the catalogue
 * (sa-procedures.h). It shows itself while the GSettings key
 * show-procedure-panel is true (toggled by "settings.show-procedure-panel",
 * see sa_ui_insert_settings_actions()), sliding in from the right.
 *
 * Placed as the flap of an AdwFlap (flap-position end, fold-policy auto,
 * locked), the flap does the showing instead. The key means "beside the
 * page": while the window is wide the flap is revealed as the key says.
 * While it is narrow (folded, issue 15: usable at 360 px) the panel would
 * cover the whole page, so it stays hidden until the user asks for it (its
 * toggle, F9: sa_procedure_panel_toggle()); it then lies over the page with
 * a close button that has the focus, closes with Escape, that button, its
 * shadow or the toggle, and gives the focus back to where the user was.
 * Opening and closing it over the page leaves the key as it was.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "sa-procedure-panel.h"
#include "sa-ui-util.h"

struct _SaProcedurePanel
{
  AdwBin          parent_instance;

  GtkRevealer    *revealer;
  GtkWidget      *close_button;
  GtkLabel       *procedure_label;
  GtkLabel       *step_label;
  GtkLabel       *text_label;

  SaProcedureStep step;

  /* The AdwFlap the panel is the flap of (weak), and the widget that had the
   * focus when the user opened the panel over the page (weak). */
  AdwFlap        *flap;
  GtkWidget      *return_focus;
};

G_DEFINE_FINAL_TYPE (SaProcedurePanel, sa_procedure_panel, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_STEP,
  PROP_SHOWN,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static gboolean
get_setting (void)
{
  return g_settings_get_boolean (sa_ui_get_settings (), "show-procedure-panel");
}

static void
set_return_focus (SaProcedurePanel *self,
                  GtkWidget        *widget)
{
  if (self->return_focus != NULL)
    g_object_remove_weak_pointer (G_OBJECT (self->return_focus), (gpointer *) &self->return_focus);
  self->return_focus = widget;
  if (widget != NULL)
    g_object_add_weak_pointer (G_OBJECT (widget), (gpointer *) &self->return_focus);
}

/* Beside the page the flap follows the key; over it, it starts hidden. */
static void
sync_reveal (SaProcedurePanel *self)
{
  if (self->flap == NULL)
    return;

  if (adw_flap_get_folded (self->flap))
    adw_flap_set_reveal_flap (self->flap, FALSE);
  else
    adw_flap_set_reveal_flap (self->flap, get_setting ());
}

static void
on_setting_changed (SaProcedurePanel *self)
{
  if (self->flap == NULL)
    {
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SHOWN]);
      return;
    }
  if (!adw_flap_get_folded (self->flap))
    adw_flap_set_reveal_flap (self->flap, get_setting ());
}

static void
on_folded_changed (SaProcedurePanel *self)
{
  gtk_widget_set_visible (self->close_button, adw_flap_get_folded (self->flap));
  sync_reveal (self);
}

/* Hidden over the page (Escape, shadow, close button, toggle): the focus
 * goes back to the page. Beside it: whoever revealed it speaks for the key. */
static void
on_reveal_changed (SaProcedurePanel *self)
{
  gboolean revealed = adw_flap_get_reveal_flap (self->flap);

  if (adw_flap_get_folded (self->flap))
    {
      GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
      GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;

      if (!revealed && (self->return_focus != NULL ||
                        (focus != NULL && gtk_widget_is_ancestor (focus, GTK_WIDGET (self)))))
        {
          GtkWidget *target = self->return_focus;

          set_return_focus (self, NULL);
          if (target == NULL || !gtk_widget_get_mapped (target) ||
              !gtk_widget_grab_focus (target))
            gtk_widget_child_focus (adw_flap_get_content (self->flap), GTK_DIR_TAB_FORWARD);
        }
    }
  else if (revealed != get_setting ())
    g_settings_set_boolean (sa_ui_get_settings (), "show-procedure-panel", revealed);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SHOWN]);
}

/* In an AdwFlap as its flap: the flap shows the panel, not the revealer. */
static void
on_parent_changed (SaProcedurePanel *self)
{
  GtkWidget *parent = gtk_widget_get_parent (GTK_WIDGET (self));

  if (self->flap != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->flap, self);
      g_object_remove_weak_pointer (G_OBJECT (self->flap), (gpointer *) &self->flap);
      self->flap = NULL;
    }

  if (parent == NULL || !ADW_IS_FLAP (parent) ||
      adw_flap_get_flap (ADW_FLAP (parent)) != GTK_WIDGET (self))
    return;

  self->flap = ADW_FLAP (parent);
  g_object_add_weak_pointer (G_OBJECT (self->flap), (gpointer *) &self->flap);
  g_settings_unbind (self->revealer, "reveal-child");
  gtk_revealer_set_reveal_child (self->revealer, TRUE);
  g_signal_connect_swapped (self->flap, "notify::folded", G_CALLBACK (on_folded_changed), self);
  g_signal_connect_swapped (self->flap, "notify::reveal-flap", G_CALLBACK (on_reveal_changed), self);
  on_folded_changed (self);
}

static void
on_close_clicked (SaProcedurePanel *self)
{
  if (self->flap != NULL)
    adw_flap_set_reveal_flap (self->flap, FALSE);
}

/* Escape over the page closes the panel. AdwFlap's own Escape is a managed
 * shortcut, which the window sees only after its own keys: a wizard or
 * dialog would close (or the order page go back) instead. */
static gboolean
close_over_page (GtkWidget *widget,
                 GVariant  *args,
                 gpointer   user_data)
{
  SaProcedurePanel *self = SA_PROCEDURE_PANEL (widget);

  if (self->flap == NULL || !adw_flap_get_folded (self->flap) ||
      !adw_flap_get_reveal_flap (self->flap))
    return FALSE;

  adw_flap_set_reveal_flap (self->flap, FALSE);
  return TRUE;
}

static void
sa_procedure_panel_dispose (GObject *object)
{
  SaProcedurePanel *self = SA_PROCEDURE_PANEL (object);

  set_return_focus (self, NULL);
  if (self->flap != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->flap, self);
      g_object_remove_weak_pointer (G_OBJECT (self->flap), (gpointer *) &self->flap);
      self->flap = NULL;
    }
  /* Unparent through AdwBin so that it does not keep a stale child. */
  adw_bin_set_child (ADW_BIN (object), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (object), SA_TYPE_PROCEDURE_PANEL);

  G_OBJECT_CLASS (sa_procedure_panel_parent_class)->dispose (object);
}

static void
sa_procedure_panel_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  SaProcedurePanel *self = SA_PROCEDURE_PANEL (object);

  switch (prop_id)
    {
    case PROP_STEP:
      g_value_set_uint (value, self->step);
      break;
    case PROP_SHOWN:
      g_value_set_boolean (value, sa_procedure_panel_get_shown (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sa_procedure_panel_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  SaProcedurePanel *self = SA_PROCEDURE_PANEL (object);

  switch (prop_id)
    {
    case PROP_STEP:
      sa_procedure_panel_show_step (self, g_value_get_uint (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sa_procedure_panel_class_init (SaProcedurePanelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sa_procedure_panel_dispose;
  object_class->get_property = sa_procedure_panel_get_property;
  object_class->set_property = sa_procedure_panel_set_property;

  /**
   * SaProcedurePanel:step:
   *
   * The #SaProcedureStep shown (as a guint, so that a .ui file can set it).
   */
  properties[PROP_STEP] =
    g_param_spec_uint ("step", NULL, NULL,
                       0, SA_PROCEDURE_STEP_REQUEST_ACCESS_SENT, 0,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * SaProcedurePanel:shown:
   *
   * Whether the panel is on screen: beside the page as the key
   * show-procedure-panel says, or over a narrow page because the user asked
   * (sa_procedure_panel_toggle()). The toggle buttons show it.
   */
  properties[PROP_SHOWN] =
    g_param_spec_boolean ("shown", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               SA_RESOURCE_PATH "/common/sa-procedure-panel.ui");
  gtk_widget_class_bind_template_child (widget_class, SaProcedurePanel, revealer);
  gtk_widget_class_bind_template_child (widget_class, SaProcedurePanel, close_button);
  gtk_widget_class_bind_template_callback (widget_class, on_close_clicked);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_Escape, 0, close_over_page, NULL);
  gtk_widget_class_bind_template_child (widget_class, SaProcedurePanel, procedure_label);
  gtk_widget_class_bind_template_child (widget_class, SaProcedurePanel, step_label);
  gtk_widget_class_bind_template_child (widget_class, SaProcedurePanel, text_label);
  gtk_widget_class_set_css_name (widget_class, "procedurepanel");
}

static void
sa_procedure_panel_init (SaProcedurePanel *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  g_settings_bind (sa_ui_get_settings (), "show-procedure-panel",
                   self->revealer, "reveal-child", G_SETTINGS_BIND_GET);
  g_signal_connect (self, "notify::parent", G_CALLBACK (on_parent_changed), NULL);
  /* Read once so that GSettings announces every change of the key. */
  get_setting ();
  g_signal_connect_object (sa_ui_get_settings (), "changed::show-procedure-panel",
                           G_CALLBACK (on_setting_changed), self, G_CONNECT_SWAPPED);

  self->step = SA_PROCEDURE_STEP_ASSIGN_BEFORE_YOU_START;
  sa_procedure_panel_show_step (self, SA_PROCEDURE_STEP_ASSIGN_FIND_ORDER);
}

/**
 * sa_procedure_panel_new:
 *
 * Creates a procedure panel showing the first step the app carries out (steps
 * 2 and 3 of "assign an order"). It shows or hides itself with the GSettings
 * key show-procedure-panel.
 *
 * Returns: (transfer floating): a new #SaProcedurePanel
 */
GtkWidget *
sa_procedure_panel_new (void)
{
  return g_object_new (SA_TYPE_PROCEDURE_PANEL, NULL);
}

/**
 * sa_procedure_panel_show_step:
 * @self: a #SaProcedurePanel
 * @step: the documented step the current page carries out
 *
 * Shows the procedure's title, the step's heading ("Step 6 of 10") and what
 * to do, in the UI language, from the catalogue (sa-procedures.h).
 */
void
sa_procedure_panel_show_step (SaProcedurePanel *self,
                              SaProcedureStep   step)
{
  g_autofree char *heading = NULL;

  g_return_if_fail (SA_IS_PROCEDURE_PANEL (self));

  heading = sa_procedure_step_dup_heading (step);
  gtk_label_set_text (self->procedure_label,
                      sa_procedure_get_title (sa_procedure_step_get_procedure (step)));
  gtk_label_set_text (self->step_label, heading);
  gtk_label_set_text (self->text_label, sa_procedure_step_get_text (step));

  if (self->step != step)
    {
      self->step = step;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STEP]);
    }
}

/**
 * sa_procedure_panel_get_step:
 * @self: a #SaProcedurePanel
 *
 * Returns: the documented step shown
 */
SaProcedureStep
sa_procedure_panel_get_step (SaProcedurePanel *self)
{
  g_return_val_if_fail (SA_IS_PROCEDURE_PANEL (self), 0);

  return self->step;
}

/**
 * sa_procedure_panel_get_shown:
 * @self: a #SaProcedurePanel
 *
 * Whether the panel is on screen (#SaProcedurePanel:shown): beside the page
 * while the GSettings key show-procedure-panel is true, over a narrow page
 * while the user has it open there.
 *
 * Returns: %TRUE when shown
 */
gboolean
sa_procedure_panel_get_shown (SaProcedurePanel *self)
{
  g_return_val_if_fail (SA_IS_PROCEDURE_PANEL (self), FALSE);

  if (self->flap != NULL)
    return adw_flap_get_reveal_flap (self->flap);

  return get_setting ();
}

/**
 * sa_procedure_panel_toggle:
 * @self: a #SaProcedurePanel
 *
 * What the panel's toggle button and F9 do ("settings.show-procedure-panel",
 * see sa_ui_insert_settings_actions()), for the documented procedure the
 * panel explains. Beside the page (a wide window): flips the GSettings key
 * show-procedure-panel, so the panel shows or hides in every window. Over a
 * narrow page (the flap folded): opens the panel over the page, the focus
 * on its close button, or closes it and gives the focus back to the widget
 * that had it; the key is left as it was (issue 15 at 360 px).
 */
void
sa_procedure_panel_toggle (SaProcedurePanel *self)
{
  g_return_if_fail (SA_IS_PROCEDURE_PANEL (self));

  if (self->flap == NULL || !adw_flap_get_folded (self->flap))
    {
      g_settings_set_boolean (sa_ui_get_settings (), "show-procedure-panel", !get_setting ());
      return;
    }

  if (adw_flap_get_reveal_flap (self->flap))
    {
      adw_flap_set_reveal_flap (self->flap, FALSE);
      return;
    }

  {
    GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

    set_return_focus (self, root != NULL ? gtk_root_get_focus (root) : NULL);
  }
  adw_flap_set_reveal_flap (self->flap, TRUE);
  gtk_widget_grab_focus (self->close_button);
}
