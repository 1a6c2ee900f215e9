/* sa-assignment-row.c — one Smart Account slot of an order, with its pending change
 *
 * A row of the order page's Smart Account section (step 5 of "assign an
 * order", step 6 of "change an assignment"): the End Customer or the Holding
 * Smart Account as the order has it, and, once picked in the Assign Smart
 * Account dialog and until submitted, the change waiting for Submit ("New:
 * …") with an undo button. The undo button activates the enclosing order
 * page's "page.undo-end-customer" or "page.undo-holding"; the page adds the
 * pencil itself. When the back end publishes no assignment (Cisco, before
 * shipment: #SaAssignmentRow:known is %FALSE) the row says so rather than
 * "Not assigned".
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "sa-assignment-row.h"
#include "sa-ui-util.h"

struct _SaAssignmentRow
{
  AdwActionRow   parent_instance;

  GtkWidget     *pending_box;
  GtkLabel      *pending_label;
  GtkButton     *undo_button;

  SaAccountType  slot;
  SaAssignment  *assignment;
  SaAssignment  *pending;
  gboolean       known;
};

G_DEFINE_FINAL_TYPE (SaAssignmentRow, sa_assignment_row, ADW_TYPE_ACTION_ROW)

enum {
  PROP_0,
  PROP_SLOT,
  PROP_ASSIGNMENT,
  PROP_PENDING,
  PROP_KNOWN,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
update (SaAssignmentRow *self)
{
  g_autofree char *summary = NULL;

  if (self->assignment == NULL && !self->known)
    /* Translators: a Smart Account slot of an order with the Cisco connection */
    summary = g_strdup (_("Not published by Cisco: see the order in CCW"));
  else
    summary = sa_ui_dup_assignment_summary (self->assignment);

  adw_action_row_set_subtitle (ADW_ACTION_ROW (self), summary);

  gtk_widget_set_visible (self->pending_box, self->pending != NULL);
  if (self->pending != NULL)
    {
      g_autofree char *pending = sa_ui_dup_assignment_summary (self->pending);
      /* Translators: a change waiting to be submitted, shown beside the current Smart Account */
      g_autofree char *text = g_strdup_printf (_("New: %s"), pending);

      gtk_label_set_text (self->pending_label, text);
    }
}

static void
sa_assignment_row_constructed (GObject *object)
{
  SaAssignmentRow *self = SA_ASSIGNMENT_ROW (object);
  const char *undo;

  G_OBJECT_CLASS (sa_assignment_row_parent_class)->constructed (object);

  if (self->slot == SA_ACCOUNT_TYPE_HOLDING)
    {
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self), _("Holding Smart Account"));
      undo = _("Undo the Holding Smart Account Change");
      gtk_actionable_set_action_name (GTK_ACTIONABLE (self->undo_button), "page.undo-holding");
    }
  else
    {
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self), _("End Customer Smart Account"));
      undo = _("Undo the End Customer Smart Account Change");
      gtk_actionable_set_action_name (GTK_ACTIONABLE (self->undo_button), "page.undo-end-customer");
    }

  gtk_widget_set_tooltip_text (GTK_WIDGET (self->undo_button), undo);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->undo_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, undo,
                                  -1);
  update (self);
}

static void
sa_assignment_row_dispose (GObject *object)
{
  SaAssignmentRow *self = SA_ASSIGNMENT_ROW (object);

  g_clear_object (&self->assignment);
  g_clear_object (&self->pending);
  gtk_widget_dispose_template (GTK_WIDGET (self), SA_TYPE_ASSIGNMENT_ROW);

  G_OBJECT_CLASS (sa_assignment_row_parent_class)->dispose (object);
}

static void
sa_assignment_row_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  SaAssignmentRow *self = SA_ASSIGNMENT_ROW (object);

  switch (prop_id)
    {
    case PROP_SLOT:
      g_value_set_uint (value, self->slot);
      break;
    case PROP_ASSIGNMENT:
      g_value_set_object (value, self->assignment);
      break;
    case PROP_PENDING:
      g_value_set_object (value, self->pending);
      break;
    case PROP_KNOWN:
      g_value_set_boolean (value, self->known);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sa_assignment_row_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  SaAssignmentRow *self = SA_ASSIGNMENT_ROW (object);

  switch (prop_id)
    {
    case PROP_SLOT:
      self->slot = g_value_get_uint (value);
      break;
    case PROP_ASSIGNMENT:
      sa_assignment_row_set_assignment (self, g_value_get_object (value));
      break;
    case PROP_PENDING:
      sa_assignment_row_set_pending (self, g_value_get_object (value));
      break;
    case PROP_KNOWN:
      sa_assignment_row_set_known (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sa_assignment_row_class_init (SaAssignmentRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = sa_assignment_row_constructed;
  object_class->dispose = sa_assignment_row_dispose;
  object_class->get_property = sa_assignment_row_get_property;
  object_class->set_property = sa_assignment_row_set_property;

  /**
   * SaAssignmentRow:slot:
   *
   * The #SaAccountType of the slot: 0 (%SA_ACCOUNT_TYPE_CUSTOMER) for the End
   * Customer Smart Account, 1 (%SA_ACCOUNT_TYPE_HOLDING) for the Holding one.
   */
  properties[PROP_SLOT] =
    g_param_spec_uint ("slot", NULL, NULL,
                       SA_ACCOUNT_TYPE_CUSTOMER, SA_ACCOUNT_TYPE_HOLDING, SA_ACCOUNT_TYPE_CUSTOMER,
                       G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  /**
   * SaAssignmentRow:assignment:
   *
   * The slot as the order has it on the server, or %NULL ("Not assigned").
   */
  properties[PROP_ASSIGNMENT] =
    g_param_spec_object ("assignment", NULL, NULL, SA_TYPE_ASSIGNMENT,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * SaAssignmentRow:pending:
   *
   * The change chosen for the slot and not yet submitted, or %NULL.
   */
  properties[PROP_PENDING] =
    g_param_spec_object ("pending", NULL, NULL, SA_TYPE_ASSIGNMENT,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * SaAssignmentRow:known:
   *
   * Whether the back end publishes the order's assignment
   * (sa_order_get_assignment_known()); when %FALSE an empty slot reads
   * "Not published" instead of "Not assigned".
   */
  properties[PROP_KNOWN] =
    g_param_spec_boolean ("known", NULL, NULL, TRUE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               SA_RESOURCE_PATH "/orders/sa-assignment-row.ui");
  gtk_widget_class_bind_template_child (widget_class, SaAssignmentRow, pending_box);
  gtk_widget_class_bind_template_child (widget_class, SaAssignmentRow, pending_label);
  gtk_widget_class_bind_template_child (widget_class, SaAssignmentRow, undo_button);
}

static void
sa_assignment_row_init (SaAssignmentRow *self)
{
  self->known = TRUE;
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * sa_assignment_row_new:
 * @slot: %SA_ACCOUNT_TYPE_CUSTOMER (End Customer) or %SA_ACCOUNT_TYPE_HOLDING
 *
 * Creates the row of one slot of the Smart Account section ("Not assigned"
 * until sa_assignment_row_set_assignment()).
 *
 * Returns: (transfer floating): a new #SaAssignmentRow
 */
GtkWidget *
sa_assignment_row_new (SaAccountType slot)
{
  return g_object_new (SA_TYPE_ASSIGNMENT_ROW, "slot", (guint) slot, NULL);
}

/**
 * sa_assignment_row_get_slot:
 * @self: a #SaAssignmentRow
 *
 * Returns: which slot the row shows
 */
SaAccountType
sa_assignment_row_get_slot (SaAssignmentRow *self)
{
  g_return_val_if_fail (SA_IS_ASSIGNMENT_ROW (self), SA_ACCOUNT_TYPE_CUSTOMER);

  return self->slot;
}

/**
 * sa_assignment_row_get_assignment:
 * @self: a #SaAssignmentRow
 *
 * Returns: (transfer none) (nullable): the slot as the order has it
 */
SaAssignment *
sa_assignment_row_get_assignment (SaAssignmentRow *self)
{
  g_return_val_if_fail (SA_IS_ASSIGNMENT_ROW (self), NULL);

  return self->assignment;
}

/**
 * sa_assignment_row_set_assignment:
 * @self: a #SaAssignmentRow
 * @assignment: (nullable) (transfer none): the slot as the order has it
 *
 * Shows the slot's Smart Account, status and Virtual Account as the subtitle
 * (step 8 of "change an assignment": verify what the section shows).
 */
void
sa_assignment_row_set_assignment (SaAssignmentRow *self,
                                  SaAssignment    *assignment)
{
  g_return_if_fail (SA_IS_ASSIGNMENT_ROW (self));
  g_return_if_fail (assignment == NULL || SA_IS_ASSIGNMENT (assignment));

  if (!g_set_object (&self->assignment, assignment))
    return;

  update (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ASSIGNMENT]);
}

/**
 * sa_assignment_row_get_pending:
 * @self: a #SaAssignmentRow
 *
 * Returns: (transfer none) (nullable): the change waiting for Submit
 */
SaAssignment *
sa_assignment_row_get_pending (SaAssignmentRow *self)
{
  g_return_val_if_fail (SA_IS_ASSIGNMENT_ROW (self), NULL);

  return self->pending;
}

/**
 * sa_assignment_row_set_pending:
 * @self: a #SaAssignmentRow
 * @pending: (nullable) (transfer none): the change chosen with Assign (step 8
 *   of "assign an order"), or %NULL once submitted or undone
 *
 * Shows "New: …" and the undo button beside the current Smart Account.
 */
void
sa_assignment_row_set_pending (SaAssignmentRow *self,
                               SaAssignment    *pending)
{
  g_return_if_fail (SA_IS_ASSIGNMENT_ROW (self));
  g_return_if_fail (pending == NULL || SA_IS_ASSIGNMENT (pending));

  if (!g_set_object (&self->pending, pending))
    return;

  update (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PENDING]);
}

/**
 * sa_assignment_row_get_effective:
 * @self: a #SaAssignmentRow
 *
 * Returns: (transfer none) (nullable): what the slot will hold once the
 *   pending change is submitted: the pending change, else the current one
 */
SaAssignment *
sa_assignment_row_get_effective (SaAssignmentRow *self)
{
  g_return_val_if_fail (SA_IS_ASSIGNMENT_ROW (self), NULL);

  return self->pending != NULL ? self->pending : self->assignment;
}

/**
 * sa_assignment_row_get_known:
 * @self: a #SaAssignmentRow
 *
 * Returns: whether the back end publishes the slot's assignment
 */
gboolean
sa_assignment_row_get_known (SaAssignmentRow *self)
{
  g_return_val_if_fail (SA_IS_ASSIGNMENT_ROW (self), TRUE);

  return self->known;
}

/**
 * sa_assignment_row_set_known:
 * @self: a #SaAssignmentRow
 * @known: %FALSE when the back end publishes no assignment (Cisco before
 *   shipment)
 *
 * Says "Not published by Cisco" in an empty slot instead of "Not assigned"
 * (issue 9: where Cisco publishes nothing, say so instead of empty rows).
 */
void
sa_assignment_row_set_known (SaAssignmentRow *self,
                             gboolean         known)
{
  g_return_if_fail (SA_IS_ASSIGNMENT_ROW (self));

  known = !!known;
  if (self->known == known)
    return;

  self->known = known;
  update (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_KNOWN]);
}
