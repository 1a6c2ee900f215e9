/* sa-account-request-row.c — one Smart Account request in the "Smart Account
 * requests" view
 *
 * Account Name; Account Domain and Customer Email; the status (Pending
 * customer acceptance, Active, Expired) and, while pending, the days left
 * before the request expires (procedure 3, step 6: 90 days to accept). In
 * training mode a pending request also offers "Customer Accepts", the view's
 * "requests.accept" action with the request id as target.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "sa-accessible-names.h"

#include <glib/gi18n.h>

#include "sa-account-request-row.h"
#include "sa-status-pill.h"
#include "sa-ui-util.h"

struct _SaAccountRequestRow
{
  AdwActionRow      parent_instance;

  SaAccountRequest *request;
  gboolean          training;

  GtkLabel         *days_label;
  SaStatusPill     *status_pill;
  GtkButton        *accept_button;
  GtkButton        *request_again_button;
};

G_DEFINE_FINAL_TYPE (SaAccountRequestRow, sa_account_request_row, ADW_TYPE_ACTION_ROW)

enum {
  PROP_0,
  PROP_REQUEST,
  PROP_TRAINING,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
update (SaAccountRequestRow *self)
{
  SaAccountStatus status;
  g_autofree char *subtitle = NULL;
  g_autofree char *days_text = NULL;
  gboolean pending;

  if (self->request == NULL)
    return;

  status = sa_account_request_get_status (self->request);
  pending = status == SA_ACCOUNT_STATUS_PENDING;

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self), sa_account_request_get_account_name (self->request));
  /* Translators: a Smart Account request: "%1$s" its Account Domain, "%2$s" the Customer Email */
  subtitle = g_strdup_printf (_("%1$s · %2$s"),
                              sa_account_request_get_account_domain (self->request),
                              sa_account_request_get_customer_email (self->request));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self), subtitle);

  if (pending)
    {
      guint days = sa_account_request_get_days_left (self->request);

      /* Translators: how long the customer still has to accept the request */
      days_text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u day left", "%u days left", days), days);
    }
  gtk_label_set_text (self->days_label, days_text ? days_text : "");
  gtk_widget_set_visible (GTK_WIDGET (self->days_label), pending);

  sa_status_pill_set_account_request_status (self->status_pill, status);

  gtk_actionable_set_action_target (GTK_ACTIONABLE (self->accept_button), "s",
                                    sa_account_request_get_id (self->request));
  gtk_widget_set_visible (GTK_WIDGET (self->accept_button), self->training && pending);

  gtk_actionable_set_action_target (GTK_ACTIONABLE (self->request_again_button), "s",
                                    sa_account_request_get_id (self->request));
  gtk_widget_set_visible (GTK_WIDGET (self->request_again_button), status == SA_ACCOUNT_STATUS_EXPIRED);
}

static void
sa_account_request_row_get_property (GObject    *object,
                                     guint       prop_id,
                                     GValue     *value,
                                     GParamSpec *pspec)
{
  SaAccountRequestRow *self = SA_ACCOUNT_REQUEST_ROW (object);

  switch (prop_id)
    {
    case PROP_REQUEST:
      g_value_set_object (value, self->request);
      break;
    case PROP_TRAINING:
      g_value_set_boolean (value, self->training);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sa_account_request_row_set_property (GObject      *object,
                                     guint         prop_id,
                                     const GValue *value,
                                     GParamSpec   *pspec)
{
  SaAccountRequestRow *self = SA_ACCOUNT_REQUEST_ROW (object);

  switch (prop_id)
    {
    case PROP_REQUEST:
      g_set_object (&self->request, g_value_get_object (value));
      update (self);
      break;
    case PROP_TRAINING:
      self->training = g_value_get_boolean (value);
      update (self);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sa_account_request_row_dispose (GObject *object)
{
  SaAccountRequestRow *self = SA_ACCOUNT_REQUEST_ROW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), SA_TYPE_ACCOUNT_REQUEST_ROW);
  g_clear_object (&self->request);

  G_OBJECT_CLASS (sa_account_request_row_parent_class)->dispose (object);
}

static void
sa_account_request_row_class_init (SaAccountRequestRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->get_property = sa_account_request_row_get_property;
  object_class->set_property = sa_account_request_row_set_property;
  object_class->dispose = sa_account_request_row_dispose;

  /**
   * SaAccountRequestRow:request:
   *
   * The Smart Account request shown.
   */
  properties[PROP_REQUEST] =
    g_param_spec_object ("request", NULL, NULL, SA_TYPE_ACCOUNT_REQUEST,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  /**
   * SaAccountRequestRow:training:
   *
   * %TRUE in training mode: a pending request offers "Customer Accepts".
   */
  properties[PROP_TRAINING] =
    g_param_spec_boolean ("training", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (SA_TYPE_STATUS_PILL);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               SA_RESOURCE_PATH "/account-requests/sa-account-request-row.ui");
  gtk_widget_class_bind_template_child (widget_class, SaAccountRequestRow, days_label);
  gtk_widget_class_bind_template_child (widget_class, SaAccountRequestRow, status_pill);
  gtk_widget_class_bind_template_child (widget_class, SaAccountRequestRow, accept_button);
  gtk_widget_class_bind_template_child (widget_class, SaAccountRequestRow, request_again_button);
}

static void
sa_account_request_row_init (SaAccountRequestRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  sa_accessible_names_follow (GTK_WIDGET (self));
}

/**
 * sa_account_request_row_new:
 * @request: a Smart Account request (procedure 3)
 * @training: %TRUE in training mode (offers "Customer Accepts" while pending)
 *
 * Returns: (transfer floating): a new row showing @request
 */
GtkWidget *
sa_account_request_row_new (SaAccountRequest *request,
                            gboolean          training)
{
  g_return_val_if_fail (SA_IS_ACCOUNT_REQUEST (request), NULL);

  return g_object_new (SA_TYPE_ACCOUNT_REQUEST_ROW,
                       "request", request,
                       "training", training,
                       NULL);
}

/**
 * sa_account_request_row_get_request:
 * @self: a #SaAccountRequestRow
 *
 * Returns: (transfer none): the request shown
 */
SaAccountRequest *
sa_account_request_row_get_request (SaAccountRequestRow *self)
{
  g_return_val_if_fail (SA_IS_ACCOUNT_REQUEST_ROW (self), NULL);

  return self->request;
}
