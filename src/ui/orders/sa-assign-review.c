/* sa-assign-review.c — the Assign Smart Account dialog's review: the change, the terms, Submit Change
 *
 * Steps 9 and 10 of "How do I assign an order to a Smart Account" inside the
 * dialog, when the slot it edits is the only change (issue 11, "assign an
 * order in 6 decisions"): the change restated, before → after (slot, Smart
 * Account, Virtual Account); the terms of use, accepted explicitly; and
 * "Submit Change", which is the confirmation — it submits at once, as "Yes"
 * does after Submit on the order page. The order page's own terms, Submit
 * and "Submit Change" → Yes still serve changes to both slots.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "sa-assign-review.h"
#include "sa-order-changes.h"
#include "sa-ui-util.h"

struct _SaAssignReview
{
  GtkWidget       parent_instance;

  GtkLabel       *change_label;
  GtkCheckButton *terms_check;
  GtkWidget      *submit_button;
  guint           has_change : 1;
};

G_DEFINE_FINAL_TYPE (SaAssignReview, sa_assign_review, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_TERMS_ACCEPTED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  SUBMIT,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
update_actions (SaAssignReview *self)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "review.submit",
                                 self->has_change && gtk_check_button_get_active (self->terms_check));
}

static void
on_terms_toggled (GtkCheckButton *check,
                  SaAssignReview *self)
{
  update_actions (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TERMS_ACCEPTED]);
}

static void
submit_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  g_signal_emit (widget, signals[SUBMIT], 0);
}

static void
sa_assign_review_dispose (GObject *object)
{
  GtkWidget *child;

  gtk_widget_dispose_template (GTK_WIDGET (object), SA_TYPE_ASSIGN_REVIEW);
  /* The unnamed box of the terms and Submit Change too. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (object))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (sa_assign_review_parent_class)->dispose (object);
}

static void
sa_assign_review_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  SaAssignReview *self = SA_ASSIGN_REVIEW (object);

  switch (prop_id)
    {
    case PROP_TERMS_ACCEPTED:
      g_value_set_boolean (value, sa_assign_review_get_terms_accepted (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sa_assign_review_class_init (SaAssignReviewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sa_assign_review_dispose;
  object_class->get_property = sa_assign_review_get_property;

  /**
   * SaAssignReview:terms-accepted:
   *
   * Whether the terms of use are accepted (step 9 of "assign an order").
   */
  properties[PROP_TERMS_ACCEPTED] =
    g_param_spec_boolean ("terms-accepted", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * SaAssignReview::submit:
   * @self: the review
   *
   * Emitted by "Submit Change", once the terms are accepted (step 10 of
   * "assign an order": the change confirmed with what it does).
   */
  signals[SUBMIT] = g_signal_new ("submit",
                                  G_TYPE_FROM_CLASS (klass),
                                  G_SIGNAL_RUN_LAST,
                                  0, NULL, NULL, NULL,
                                  G_TYPE_NONE, 0);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               SA_RESOURCE_PATH "/orders/sa-assign-review.ui");
  gtk_widget_class_bind_template_child (widget_class, SaAssignReview, change_label);
  gtk_widget_class_bind_template_child (widget_class, SaAssignReview, terms_check);
  gtk_widget_class_bind_template_child (widget_class, SaAssignReview, submit_button);
  gtk_widget_class_install_action (widget_class, "review.submit", NULL, submit_action);
}

static void
sa_assign_review_init (SaAssignReview *self)
{
  GtkLayoutManager *layout;

  gtk_widget_init_template (GTK_WIDGET (self));

  layout = gtk_widget_get_layout_manager (GTK_WIDGET (self));
  gtk_orientable_set_orientation (GTK_ORIENTABLE (layout), GTK_ORIENTATION_VERTICAL);
  gtk_box_layout_set_spacing (GTK_BOX_LAYOUT (layout), 8);

  /* Read as "Submit Change", not "_Submit Change Submit Change". */
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->submit_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Submit Change"),
                                  -1);
  g_signal_connect (self->terms_check, "toggled", G_CALLBACK (on_terms_toggled), self);
  update_actions (self);
}

/**
 * sa_assign_review_set_change:
 * @self: a #SaAssignReview
 * @slot: the slot edited: %SA_ACCOUNT_TYPE_CUSTOMER or %SA_ACCOUNT_TYPE_HOLDING
 * @before: (nullable): what the slot holds now on the server
 * @after: (nullable): the choice made in the dialog, %NULL while none is complete
 *
 * Restates the change (step 10 of "assign an order"); Submit Change stays
 * disabled until @after is set and the terms are accepted.
 */
void
sa_assign_review_set_change (SaAssignReview *self,
                             SaAccountType   slot,
                             SaAssignment   *before,
                             SaAssignment   *after)
{
  g_autofree char *text = NULL;

  g_return_if_fail (SA_IS_ASSIGN_REVIEW (self));

  self->has_change = after != NULL;
  text = after != NULL ? sa_order_changes_describe (slot, before, after) : NULL;
  gtk_label_set_text (self->change_label, text != NULL ? text : "");
  update_actions (self);
}

/**
 * sa_assign_review_get_terms_accepted:
 * @self: a #SaAssignReview
 *
 * Returns: whether the terms of use are accepted (step 9 of "assign an order")
 */
gboolean
sa_assign_review_get_terms_accepted (SaAssignReview *self)
{
  g_return_val_if_fail (SA_IS_ASSIGN_REVIEW (self), FALSE);

  return gtk_check_button_get_active (self->terms_check);
}

/**
 * sa_assign_review_get_submit_button:
 * @self: a #SaAssignReview
 *
 * Returns: (transfer none): the "Submit Change" button, the dialog's default
 *   widget once the terms are accepted
 */
GtkWidget *
sa_assign_review_get_submit_button (SaAssignReview *self)
{
  g_return_val_if_fail (SA_IS_ASSIGN_REVIEW (self), NULL);

  return self->submit_button;
}
