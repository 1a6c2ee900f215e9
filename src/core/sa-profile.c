/* sa-profile.c — the signed-in user's profile
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "sa-error.h"
#include "sa-json-private.h"
#include "sa-profile.h"

struct _SaProfile
{
  GObject  parent_instance;

  char    *username;
  char    *first_name;
  char    *last_name;
  char    *email;
  char    *company;
  char    *country;
  char    *phone;
};

G_DEFINE_FINAL_TYPE (SaProfile, sa_profile, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_USERNAME,
  PROP_FIRST_NAME,
  PROP_LAST_NAME,
  PROP_EMAIL,
  PROP_COMPANY,
  PROP_COUNTRY,
  PROP_PHONE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static char **
get_field (SaProfile *self,
           guint      prop_id)
{
  switch (prop_id)
    {
    case PROP_USERNAME:
      return &self->username;
    case PROP_FIRST_NAME:
      return &self->first_name;
    case PROP_LAST_NAME:
      return &self->last_name;
    case PROP_EMAIL:
      return &self->email;
    case PROP_COMPANY:
      return &self->company;
    case PROP_COUNTRY:
      return &self->country;
    case PROP_PHONE:
      return &self->phone;
    default:
      return NULL;
    }
}

static void
sa_profile_finalize (GObject *object)
{
  SaProfile *self = (SaProfile *)object;

  for (guint i = PROP_USERNAME; i < N_PROPS; i++)
    g_clear_pointer (get_field (self, i), g_free);

  G_OBJECT_CLASS (sa_profile_parent_class)->finalize (object);
}

static void
sa_profile_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  char **field = get_field (SA_PROFILE (object), prop_id);

  if (field != NULL)
    g_value_set_string (value, *field);
  else
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void
sa_profile_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  char **field = get_field (SA_PROFILE (object), prop_id);

  if (field != NULL)
    {
      g_free (*field);
      *field = g_value_dup_string (value);
    }
  else
    {
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sa_profile_class_init (SaProfileClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = sa_profile_finalize;
  object_class->get_property = sa_profile_get_property;
  object_class->set_property = sa_profile_set_property;

  properties[PROP_USERNAME] =
    g_param_spec_string ("username", NULL, NULL, NULL, flags);
  properties[PROP_FIRST_NAME] =
    g_param_spec_string ("first-name", NULL, NULL, NULL, flags);
  properties[PROP_LAST_NAME] =
    g_param_spec_string ("last-name", NULL, NULL, NULL, flags);
  properties[PROP_EMAIL] =
    g_param_spec_string ("email", NULL, NULL, NULL, flags);
  properties[PROP_COMPANY] =
    g_param_spec_string ("company", NULL, NULL, NULL, flags);
  properties[PROP_COUNTRY] =
    g_param_spec_string ("country", NULL, NULL, NULL, flags);
  properties[PROP_PHONE] =
    g_param_spec_string ("phone", NULL, NULL, NULL, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
sa_profile_init (SaProfile *self)
{
}

/**
 * sa_profile_new:
 * @username: (nullable): the user name (cannot change; not sent on update)
 * @first_name: (nullable): the first name
 * @last_name: (nullable): the last name
 * @email: (nullable): the user's e-mail
 * @company: (nullable): the partner company
 * @country: (nullable): the country
 * @phone: (nullable): the phone number
 *
 * Builds a profile from the fields of "Update your profile" (procedure 4: the
 * profile is checked and corrected before requesting access), to pass to
 * sa_client_update_profile_async().
 *
 * Returns: (transfer full): a new #SaProfile
 */
SaProfile *
sa_profile_new (const char *username,
                const char *first_name,
                const char *last_name,
                const char *email,
                const char *company,
                const char *country,
                const char *phone)
{
  return g_object_new (SA_TYPE_PROFILE,
                       "username", username,
                       "first-name", first_name,
                       "last-name", last_name,
                       "email", email,
                       "company", company,
                       "country", country,
                       "phone", phone,
                       NULL);
}

/**
 * sa_profile_new_from_json:
 * @object: a profile object of the Desk API (`username`, `firstName`,
 *   `lastName`, `email`, `company`, `country`, `phone`)
 * @error: return location for a #GError, or %NULL
 *
 * Reads the signed-in user's profile (the first step of requesting access to a
 * Smart Account: check your profile). `username` is required; the other
 * members may be missing or null.
 *
 * Returns: (transfer full) (nullable): a new #SaProfile, or %NULL with
 *   %SA_CLIENT_ERROR_INVALID_RESPONSE when a field is missing or of the wrong type
 */
SaProfile *
sa_profile_new_from_json (JsonObject  *object,
                          GError     **error)
{
  const char *what = "profile";
  const char *username, *first_name, *last_name, *email, *company, *country, *phone;

  g_return_val_if_fail (object != NULL, NULL);

  if (!sa_json_read_string (object, what, "username", TRUE, &username, error) ||
      !sa_json_read_string (object, what, "firstName", FALSE, &first_name, error) ||
      !sa_json_read_string (object, what, "lastName", FALSE, &last_name, error) ||
      !sa_json_read_string (object, what, "email", FALSE, &email, error) ||
      !sa_json_read_string (object, what, "company", FALSE, &company, error) ||
      !sa_json_read_string (object, what, "country", FALSE, &country, error) ||
      !sa_json_read_string (object, what, "phone", FALSE, &phone, error))
    return NULL;

  return sa_profile_new (username, first_name, last_name, email, company, country, phone);
}

/**
 * sa_profile_get_username:
 * @self: an #SaProfile
 *
 * Returns: (transfer none): the user name used to sign in
 */
const char *
sa_profile_get_username (SaProfile *self)
{
  g_return_val_if_fail (SA_IS_PROFILE (self), NULL);
  return self->username;
}

/**
 * sa_profile_get_first_name:
 * @self: an #SaProfile
 *
 * Returns: (transfer none) (nullable): the first name
 */
const char *
sa_profile_get_first_name (SaProfile *self)
{
  g_return_val_if_fail (SA_IS_PROFILE (self), NULL);
  return self->first_name;
}

/**
 * sa_profile_get_last_name:
 * @self: an #SaProfile
 *
 * Returns: (transfer none) (nullable): the last name
 */
const char *
sa_profile_get_last_name (SaProfile *self)
{
  g_return_val_if_fail (SA_IS_PROFILE (self), NULL);
  return self->last_name;
}

/**
 * sa_profile_get_email:
 * @self: an #SaProfile
 *
 * Returns: (transfer none) (nullable): the user's e-mail
 */
const char *
sa_profile_get_email (SaProfile *self)
{
  g_return_val_if_fail (SA_IS_PROFILE (self), NULL);
  return self->email;
}

/**
 * sa_profile_get_company:
 * @self: an #SaProfile
 *
 * Returns: (transfer none) (nullable): the partner company
 */
const char *
sa_profile_get_company (SaProfile *self)
{
  g_return_val_if_fail (SA_IS_PROFILE (self), NULL);
  return self->company;
}

/**
 * sa_profile_get_country:
 * @self: an #SaProfile
 *
 * Returns: (transfer none) (nullable): the country
 */
const char *
sa_profile_get_country (SaProfile *self)
{
  g_return_val_if_fail (SA_IS_PROFILE (self), NULL);
  return self->country;
}

/**
 * sa_profile_get_phone:
 * @self: an #SaProfile
 *
 * Returns: (transfer none) (nullable): the phone number
 */
const char *
sa_profile_get_phone (SaProfile *self)
{
  g_return_val_if_fail (SA_IS_PROFILE (self), NULL);
  return self->phone;
}

/**
 * sa_profile_dup_display_name:
 * @self: an #SaProfile
 *
 * The name shown for the signed-in user (header bar, profile check).
 *
 * Returns: (transfer full): "First Last", or the user name when both are empty;
 *   free with g_free()
 */
char *
sa_profile_dup_display_name (SaProfile *self)
{
  const char *first, *last;

  g_return_val_if_fail (SA_IS_PROFILE (self), NULL);

  first = self->first_name != NULL ? self->first_name : "";
  last = self->last_name != NULL ? self->last_name : "";

  if (*first == '\0' && *last == '\0')
    return g_strdup (self->username != NULL ? self->username : "");
  if (*first == '\0')
    return g_strdup (last);
  if (*last == '\0')
    return g_strdup (first);

  return g_strdup_printf ("%s %s", first, last);
}
