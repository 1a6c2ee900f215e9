/* sa-account-request-user-row.c — one of the User Emails to add to the
 * requested Smart Account, with its remove button
 *
 * A row of the list on "Add Users to the Account" (step 3 b of "request a
 * Smart Account for a customer"). Its button activates the wizard's
 * "wizard.remove-user" action with the address as target.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "sa-account-request-user-row.h"
#include "sa-ui-util.h"

struct _SaAccountRequestUserRow
{
  AdwActionRow  parent_instance;

  char         *address;

  GtkButton    *remove_button;
};

G_DEFINE_FINAL_TYPE (SaAccountRequestUserRow, sa_account_request_user_row, ADW_TYPE_ACTION_ROW)

enum {
  PROP_0,
  PROP_ADDRESS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
set_address (SaAccountRequestUserRow *self,
             const char              *address)
{
  g_autofree char *remove_label = NULL;

  g_free (self->address);
  self->address = g_strdup (address ? address : "");

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self), self->address);
  gtk_actionable_set_action_target (GTK_ACTIONABLE (self->remove_button), "s", self->address);

  /* Translators: accessible label of the button that removes %s from the users to add */
  remove_label = g_strdup_printf (_("Remove %s"), self->address);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->remove_button), remove_label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->remove_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, remove_label,
                                  -1);
}

static void
sa_account_request_user_row_get_property (GObject    *object,
                                          guint       prop_id,
                                          GValue     *value,
                                          GParamSpec *pspec)
{
  SaAccountRequestUserRow *self = SA_ACCOUNT_REQUEST_USER_ROW (object);

  switch (prop_id)
    {
    case PROP_ADDRESS:
      g_value_set_string (value, self->address);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sa_account_request_user_row_set_property (GObject      *object,
                                          guint         prop_id,
                                          const GValue *value,
                                          GParamSpec   *pspec)
{
  SaAccountRequestUserRow *self = SA_ACCOUNT_REQUEST_USER_ROW (object);

  switch (prop_id)
    {
    case PROP_ADDRESS:
      set_address (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sa_account_request_user_row_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), SA_TYPE_ACCOUNT_REQUEST_USER_ROW);

  G_OBJECT_CLASS (sa_account_request_user_row_parent_class)->dispose (object);
}

static void
sa_account_request_user_row_finalize (GObject *object)
{
  SaAccountRequestUserRow *self = SA_ACCOUNT_REQUEST_USER_ROW (object);

  g_free (self->address);

  G_OBJECT_CLASS (sa_account_request_user_row_parent_class)->finalize (object);
}

static void
sa_account_request_user_row_class_init (SaAccountRequestUserRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->get_property = sa_account_request_user_row_get_property;
  object_class->set_property = sa_account_request_user_row_set_property;
  object_class->dispose = sa_account_request_user_row_dispose;
  object_class->finalize = sa_account_request_user_row_finalize;

  /**
   * SaAccountRequestUserRow:address:
   *
   * The e-mail address of the user to add.
   */
  properties[PROP_ADDRESS] =
    g_param_spec_string ("address", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               SA_RESOURCE_PATH "/account-requests/sa-account-request-user-row.ui");
  gtk_widget_class_bind_template_child (widget_class, SaAccountRequestUserRow, remove_button);
}

static void
sa_account_request_user_row_init (SaAccountRequestUserRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * sa_account_request_user_row_new:
 * @address: a user's e-mail address (one of the User Emails, step 3 b)
 *
 * Returns: (transfer floating): a new row for @address
 */
GtkWidget *
sa_account_request_user_row_new (const char *address)
{
  return g_object_new (SA_TYPE_ACCOUNT_REQUEST_USER_ROW, "address", address, NULL);
}
