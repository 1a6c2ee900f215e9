/* sa-access-request-action.c — app.request-access, with or without a domain
 *
 * "Request Access to an Existing Smart Account" is opened from the primary
 * menu (no domain) and from the "Request a Smart Account" wizard when the
 * server says the domain is taken (with that domain, to prefill the Account
 * Domain Identifier). A GSimpleAction accepts only one of the two forms, so
 * this small GAction declares a string parameter ("s") and also accepts
 * none: activated with NULL or "" it opens the wizard empty, with a string it
 * prefills the domain. Menu items use the target "" (see sa-window.ui).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "sa-access-request-action.h"

struct _SaAccessRequestAction
{
  GObject                    parent_instance;

  char                      *name;
  SaAccessRequestActionFunc  func;
  gpointer                   user_data;
};

static void sa_access_request_action_iface_init (GActionInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (SaAccessRequestAction, sa_access_request_action, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_ACTION, sa_access_request_action_iface_init))

enum {
  PROP_0,
  PROP_NAME,
  PROP_PARAMETER_TYPE,
  PROP_ENABLED,
  PROP_STATE_TYPE,
  PROP_STATE,
};

static const char *
get_name (GAction *action)
{
  return SA_ACCESS_REQUEST_ACTION (action)->name;
}

static const GVariantType *
get_parameter_type (GAction *action)
{
  return G_VARIANT_TYPE_STRING;
}

static const GVariantType *
get_state_type (GAction *action)
{
  return NULL;
}

static GVariant *
get_state_hint (GAction *action)
{
  return NULL;
}

static gboolean
get_enabled (GAction *action)
{
  return TRUE;
}

static GVariant *
get_state (GAction *action)
{
  return NULL;
}

static void
change_state (GAction  *action,
              GVariant *value)
{
}

static void
activate (GAction  *action,
          GVariant *parameter)
{
  SaAccessRequestAction *self = SA_ACCESS_REQUEST_ACTION (action);
  const char *domain = NULL;

  if (parameter != NULL && g_variant_is_of_type (parameter, G_VARIANT_TYPE_STRING))
    domain = g_variant_get_string (parameter, NULL);
  if (domain != NULL && *domain == '\0')
    domain = NULL;

  if (self->func != NULL)
    self->func (domain, self->user_data);
}

static void
sa_access_request_action_iface_init (GActionInterface *iface)
{
  iface->get_name = get_name;
  iface->get_parameter_type = get_parameter_type;
  iface->get_state_type = get_state_type;
  iface->get_state_hint = get_state_hint;
  iface->get_enabled = get_enabled;
  iface->get_state = get_state;
  iface->change_state = change_state;
  iface->activate = activate;
}

static void
sa_access_request_action_get_property (GObject    *object,
                                       guint       prop_id,
                                       GValue     *value,
                                       GParamSpec *pspec)
{
  GAction *action = G_ACTION (object);

  switch (prop_id)
    {
    case PROP_NAME:
      g_value_set_string (value, get_name (action));
      break;
    case PROP_PARAMETER_TYPE:
      g_value_set_boxed (value, get_parameter_type (action));
      break;
    case PROP_ENABLED:
      g_value_set_boolean (value, TRUE);
      break;
    case PROP_STATE_TYPE:
      g_value_set_boxed (value, NULL);
      break;
    case PROP_STATE:
      g_value_set_variant (value, NULL);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sa_access_request_action_finalize (GObject *object)
{
  SaAccessRequestAction *self = SA_ACCESS_REQUEST_ACTION (object);

  g_free (self->name);

  G_OBJECT_CLASS (sa_access_request_action_parent_class)->finalize (object);
}

static void
sa_access_request_action_class_init (SaAccessRequestActionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->get_property = sa_access_request_action_get_property;
  object_class->finalize = sa_access_request_action_finalize;

  g_object_class_override_property (object_class, PROP_NAME, "name");
  g_object_class_override_property (object_class, PROP_PARAMETER_TYPE, "parameter-type");
  g_object_class_override_property (object_class, PROP_ENABLED, "enabled");
  g_object_class_override_property (object_class, PROP_STATE_TYPE, "state-type");
  g_object_class_override_property (object_class, PROP_STATE, "state");
}

static void
sa_access_request_action_init (SaAccessRequestAction *self)
{
}

/**
 * sa_access_request_action_new:
 * @name: the action name, e.g. "request-access"
 * @func: (scope notified): called on activation with the domain to prefill
 *   (or %NULL when activated without a parameter or with "")
 * @user_data: passed to @func; must outlive the action
 *
 * Creates the action that opens "Request Access to an Existing Smart Account"
 * (step 4 of that procedure). It declares a string parameter and also
 * accepts none.
 *
 * Returns: (transfer full): the new action
 */
GAction *
sa_access_request_action_new (const char                *name,
                              SaAccessRequestActionFunc  func,
                              gpointer                   user_data)
{
  SaAccessRequestAction *self;

  g_return_val_if_fail (g_action_name_is_valid (name), NULL);

  self = g_object_new (SA_TYPE_ACCESS_REQUEST_ACTION, NULL);
  self->name = g_strdup (name);
  self->func = func;
  self->user_data = user_data;

  return G_ACTION (self);
}
