/* sa-training-order-controls.c — the trainer's controls on the order page,
 * in training only (issue 14): "Ship This Order", "Register a Device…" on
 * an order parked on a Holding account, "Put on Export Hold" / "Release
 * Export Hold"
 *
 * Placed in sa-order-page.ui, its "order" bound to the page's; it finds the
 * sandbox client through its window (sa_window_get_training_client()) and
 * stays hidden without one (a live server, Cisco, a page outside a window).
 * After each control the page reloads the order (action page.reload), so the
 * trainee sees the SHIPPED lock, the new assignment or the hold at once.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "sa-training-order-controls.h"
#include "sa-ui-util.h"
#include "sa-window.h"

struct _SaTrainingOrderControls
{
  AdwBin        parent_instance;

  SaOrder      *order;
  GCancellable *cancellable;
  gboolean      busy;

  GtkWidget    *ship_button;
  GtkWidget    *device_button;
  GtkWidget    *hold_button;
};

G_DEFINE_FINAL_TYPE (SaTrainingOrderControls, sa_training_order_controls, ADW_TYPE_BIN)

enum
{
  PROP_0,
  PROP_ORDER,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static SaDeskClient *
get_client (SaTrainingOrderControls *self)
{
  GtkWidget *window = gtk_widget_get_ancestor (GTK_WIDGET (self), SA_TYPE_WINDOW);

  return window != NULL ? sa_window_get_training_client (SA_WINDOW (window)) : NULL;
}

static void
update (SaTrainingOrderControls *self)
{
  SaDeskClient *client = get_client (self);
  gboolean hold;

  gtk_widget_set_visible (GTK_WIDGET (self), client != NULL && self->order != NULL);
  if (self->order == NULL)
    return;

  hold = sa_order_get_export_hold (self->order);
  gtk_widget_set_visible (self->ship_button, sa_order_get_status (self->order) != SA_ORDER_STATUS_SHIPPED);
  /* the update document's case: an order parked on a Holding account */
  gtk_widget_set_visible (self->device_button,
                          sa_order_get_end_customer (self->order) == NULL && sa_order_get_holding (self->order) != NULL);
  gtk_button_set_label (GTK_BUTTON (self->hold_button),
                        hold ? _("_Release Export Hold") : _("Put on Export _Hold"));
  gtk_widget_set_tooltip_text (self->hold_button,
                               hold ? _("Export control releases the order: a shipped order's licenses can arrive")
                                    : _("Export control holds the order: no licenses arrive while it lasts"));
  gtk_widget_set_sensitive (self->ship_button, !self->busy);
  gtk_widget_set_sensitive (self->device_button, !self->busy);
  gtk_widget_set_sensitive (self->hold_button, !self->busy);
}

static void
set_busy (SaTrainingOrderControls *self,
          gboolean                 busy)
{
  self->busy = busy;
  update (self);
}

/* A control ended: a toast (the message, or the error's), and the order
 * read again. */
static void
finish (SaTrainingOrderControls *self,
        const GError            *error,
        const char              *message)
{
  set_busy (self, FALSE);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (error != NULL)
    {
      g_autofree char *text = sa_error_dup_user_message (error);

      sa_ui_show_toast (GTK_WIDGET (self), text);
    }
  else
    sa_ui_show_toast (GTK_WIDGET (self), message);
  gtk_widget_activate_action (GTK_WIDGET (self), "page.reload", NULL);
}

static void
ship_cb (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(SaTrainingOrderControls) self = user_data;
  g_autoptr(GError) error = NULL;

  sa_desk_client_sandbox_ship_order_finish (SA_DESK_CLIENT (source), result, &error);
  /* Translators: a toast after the training control "Ship This Order" */
  finish (self, error, _("The order has shipped: its assignment can no longer change"));
}

static void
ship_clicked (SaTrainingOrderControls *self)
{
  SaDeskClient *client = get_client (self);

  if (client == NULL || self->order == NULL)
    return;
  set_busy (self, TRUE);
  sa_desk_client_sandbox_ship_order_async (client, sa_order_get_sales_order_number (self->order),
                                           self->cancellable, ship_cb, g_object_ref (self));
}

static void
hold_cb (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(SaTrainingOrderControls) self = user_data;
  g_autoptr(GError) error = NULL;
  gboolean was_on_hold = self->order != NULL && sa_order_get_export_hold (self->order);

  sa_desk_client_sandbox_set_export_hold_finish (SA_DESK_CLIENT (source), result, &error);
  finish (self, error, was_on_hold ? _("The export hold is released") : _("The order is on export hold"));
}

static void
hold_clicked (SaTrainingOrderControls *self)
{
  SaDeskClient *client = get_client (self);

  if (client == NULL || self->order == NULL)
    return;
  set_busy (self, TRUE);
  sa_desk_client_sandbox_set_export_hold_async (client, sa_order_get_sales_order_number (self->order),
                                                !sa_order_get_export_hold (self->order),
                                                self->cancellable, hold_cb, g_object_ref (self));
}

static void
device_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(SaTrainingOrderControls) self = user_data;
  g_autoptr(GError) error = NULL;
  gboolean moved = FALSE;

  sa_desk_client_sandbox_register_device_finish (SA_DESK_CLIENT (source), result, &moved, &error);
  finish (self, error,
          moved ? _("Device registered: the order moved to the End Customer Smart Account")
                : _("Device registered: the order stays where it is"));
}

static void
device_response (AdwMessageDialog *dialog,
                 const char       *response,
                 gpointer          user_data)
{
  g_autoptr(SaTrainingOrderControls) self = user_data;
  SaDeskClient *client = get_client (self);
  GtkWidget *entry = adw_message_dialog_get_extra_child (dialog);
  const char *serial = g_object_get_data (G_OBJECT (dialog), "serial-number");
  g_autofree char *domain = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (entry))));

  if (g_strcmp0 (response, "register") != 0 || client == NULL || *domain == '\0')
    {
      set_busy (self, FALSE);
      return;
    }
  sa_desk_client_sandbox_register_device_async (client, serial, domain, NULL, self->cancellable,
                                                device_cb, g_object_ref (self));
}

static void
domain_changed (GtkEditable      *entry,
                AdwMessageDialog *dialog)
{
  g_autofree char *domain = g_strstrip (g_strdup (gtk_editable_get_text (entry)));

  adw_message_dialog_set_response_enabled (dialog, "register", *domain != '\0');
}

/* Asks for the End Customer Smart Account the customer registers the
 * device with serial number @serial to. */
static void
ask_domain (SaTrainingOrderControls *self,
            const char              *serial)
{
  GtkWidget *dialog;
  GtkWidget *entry = gtk_entry_new ();

  dialog = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                   _("Register a Device"), NULL);
  adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog),
                                  /* Translators: %s is a serial number, "FCW85761101" */
                                  _("The customer registers the device with serial number %s, from this order, "
                                    "to their Smart Account. Which End Customer Smart Account (Domain Identifier)?"),
                                  serial);
  gtk_entry_set_placeholder_text (GTK_ENTRY (entry), _("Domain Identifier"));
  gtk_entry_set_activates_default (GTK_ENTRY (entry), TRUE);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), entry);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "register", _("_Register"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "register", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "register");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (dialog), "register", FALSE);
  g_object_set_data_full (G_OBJECT (dialog), "serial-number", g_strdup (serial), g_free);
  g_signal_connect (entry, "changed", G_CALLBACK (domain_changed), dialog);
  g_signal_connect (dialog, "response", G_CALLBACK (device_response), g_object_ref (self));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
serials_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(SaTrainingOrderControls) self = user_data;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) serials = sa_desk_client_sandbox_list_serial_numbers_finish (SA_DESK_CLIENT (source), result,
                                                                              &error);

  if (serials == NULL)
    {
      finish (self, error, NULL);
      return;
    }
  if (serials[0] == NULL)
    {
      finish (self, NULL, _("Every device of this order is registered already"));
      return;
    }
  ask_domain (self, serials[0]);
}

static void
device_clicked (SaTrainingOrderControls *self)
{
  SaDeskClient *client = get_client (self);

  if (client == NULL || self->order == NULL)
    return;
  set_busy (self, TRUE);
  sa_desk_client_sandbox_list_serial_numbers_async (client, sa_order_get_sales_order_number (self->order),
                                                    self->cancellable, serials_cb, g_object_ref (self));
}

static void
on_root_changed (SaTrainingOrderControls *self)
{
  update (self);
}

static void
sa_training_order_controls_dispose (GObject *object)
{
  SaTrainingOrderControls *self = SA_TRAINING_ORDER_CONTROLS (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->order);

  G_OBJECT_CLASS (sa_training_order_controls_parent_class)->dispose (object);
}

static void
sa_training_order_controls_get_property (GObject    *object,
                                         guint       prop_id,
                                         GValue     *value,
                                         GParamSpec *pspec)
{
  SaTrainingOrderControls *self = SA_TRAINING_ORDER_CONTROLS (object);

  switch (prop_id)
    {
    case PROP_ORDER:
      g_value_set_object (value, self->order);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sa_training_order_controls_set_property (GObject      *object,
                                         guint         prop_id,
                                         const GValue *value,
                                         GParamSpec   *pspec)
{
  SaTrainingOrderControls *self = SA_TRAINING_ORDER_CONTROLS (object);

  switch (prop_id)
    {
    case PROP_ORDER:
      sa_training_order_controls_set_order (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sa_training_order_controls_class_init (SaTrainingOrderControlsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sa_training_order_controls_dispose;
  object_class->get_property = sa_training_order_controls_get_property;
  object_class->set_property = sa_training_order_controls_set_property;

  properties[PROP_ORDER] =
    g_param_spec_object ("order", NULL, NULL, SA_TYPE_ORDER,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/sadesk/SmartAccountDesk/training/sa-training-order-controls.ui");
  gtk_widget_class_bind_template_child (widget_class, SaTrainingOrderControls, ship_button);
  gtk_widget_class_bind_template_child (widget_class, SaTrainingOrderControls, device_button);
  gtk_widget_class_bind_template_child (widget_class, SaTrainingOrderControls, hold_button);
  gtk_widget_class_bind_template_callback (widget_class, ship_clicked);
  gtk_widget_class_bind_template_callback (widget_class, device_clicked);
  gtk_widget_class_bind_template_callback (widget_class, hold_clicked);
}

static void
sa_training_order_controls_init (SaTrainingOrderControls *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->cancellable = g_cancellable_new ();
  g_signal_connect (self, "notify::root", G_CALLBACK (on_root_changed), NULL);
}

/**
 * sa_training_order_controls_set_order:
 * @self: a #SaTrainingOrderControls
 * @order: (nullable): the order the page shows
 *
 * Shows the controls that fit @order (issue 14): "Ship This Order" unless
 * it has shipped, "Register a Device…" when it is parked on a Holding
 * account, and the export hold's control; hidden outside training.
 */
void
sa_training_order_controls_set_order (SaTrainingOrderControls *self,
                                      SaOrder                 *order)
{
  g_return_if_fail (SA_IS_TRAINING_ORDER_CONTROLS (self));
  g_return_if_fail (order == NULL || SA_IS_ORDER (order));

  if (g_set_object (&self->order, order))
    {
      update (self);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ORDER]);
    }
}

/**
 * sa_training_order_controls_get_order:
 * @self: a #SaTrainingOrderControls
 *
 * Returns: (transfer none) (nullable): the order the controls act on
 */
SaOrder *
sa_training_order_controls_get_order (SaTrainingOrderControls *self)
{
  g_return_val_if_fail (SA_IS_TRAINING_ORDER_CONTROLS (self), NULL);
  return self->order;
}
