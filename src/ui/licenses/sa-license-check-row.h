/* sa-license-check-row.h — one check of "Where are my licenses?" and its outcome
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "sa-core.h"
#include "sa-license-diagnosis.h"

G_BEGIN_DECLS

#define SA_TYPE_LICENSE_CHECK_ROW (sa_license_check_row_get_type ())
G_DECLARE_FINAL_TYPE (SaLicenseCheckRow, sa_license_check_row, SA, LICENSE_CHECK_ROW, AdwActionRow)

SaLicenseCheck         sa_license_check_row_get_check     (SaLicenseCheckRow  *self);
SaLicenseDiagnosis    *sa_license_check_row_get_diagnosis (SaLicenseCheckRow  *self);
void                   sa_license_check_row_set_diagnosis (SaLicenseCheckRow  *self,
                                                           SaLicenseDiagnosis *diagnosis);
SaLicenseCheckOutcome  sa_license_check_row_get_outcome   (SaLicenseCheckRow  *self);

G_END_DECLS
