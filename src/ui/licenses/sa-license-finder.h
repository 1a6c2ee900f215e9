/* sa-license-finder.h — "Where are my licenses?": one order's licenses, found or explained
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "sa-core.h"
#include "sa-license-diagnosis.h"

G_BEGIN_DECLS

#define SA_TYPE_LICENSE_FINDER (sa_license_finder_get_type ())
G_DECLARE_FINAL_TYPE (SaLicenseFinder, sa_license_finder, SA, LICENSE_FINDER, AdwWindow)

SaLicenseFinder    *sa_license_finder_new           (SaClient           *client,
                                                     GtkWindow          *parent);
void                sa_license_finder_check         (SaLicenseFinder    *self,
                                                     SaOrderSearchField  field,
                                                     const char         *number);
SaLicenseDiagnosis *sa_license_finder_get_diagnosis (SaLicenseFinder    *self);
gboolean            sa_license_finder_get_loading   (SaLicenseFinder    *self);
const char         *sa_license_finder_get_error_message (SaLicenseFinder *self);

G_END_DECLS
