/* sa-profile.h — the signed-in user's profile
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define SA_TYPE_PROFILE (sa_profile_get_type ())
G_DECLARE_FINAL_TYPE (SaProfile, sa_profile, SA, PROFILE, GObject)

/* Properties (strings): "username", "first-name", "last-name", "email", "company",
 * "country", "phone". */
SaProfile   *sa_profile_new              (const char  *username,
                                         const char  *first_name,
                                         const char  *last_name,
                                         const char  *email,
                                         const char  *company,
                                         const char  *country,
                                         const char  *phone);
const char  *sa_profile_get_username    (SaProfile   *self);
const char  *sa_profile_get_first_name  (SaProfile   *self);
const char  *sa_profile_get_last_name   (SaProfile   *self);
const char  *sa_profile_get_email       (SaProfile   *self);
const char  *sa_profile_get_company     (SaProfile   *self);
const char  *sa_profile_get_country     (SaProfile   *self);
const char  *sa_profile_get_phone       (SaProfile   *self);
/* "First Last", or the user name when both are empty. Free with g_free(). */
char        *sa_profile_dup_display_name (SaProfile  *self);

G_END_DECLS
