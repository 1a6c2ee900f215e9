/* sa-license-diagnosis.h — "Where are my licenses?": the checks and the verdict
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "sa-client.h"
#include "sa-order.h"

G_BEGIN_DECLS

/**
 * SaLicenseVerdict:
 * @SA_LICENSE_VERDICT_ORDER_NOT_FOUND: no order has this number, or the user
 *   (with Cisco: the API application) may not see it
 * @SA_LICENSE_VERDICT_DEPOSITED: the order's licenses are in a Smart Account
 *   the user can see; the facts say which Smart and Virtual Account
 * @SA_LICENSE_VERDICT_NOT_SHIPPED: the order has not shipped: licenses are
 *   deposited once it ships (troubleshooting check 1)
 * @SA_LICENSE_VERDICT_ACCOUNT_PENDING: the End Customer Smart Account is
 *   still Pending: the licenses wait until it is Active (check 2). Without a
 *   known assignment (Cisco) it names a Pending account of the user's that
 *   may be the one
 * @SA_LICENSE_VERDICT_EXPORT_HOLD: the order is on export hold (check 3)
 * @SA_LICENSE_VERDICT_HOLDING_ONLY: the order is assigned only to a Holding
 *   Smart Account, which provisions nothing: reassign it to the End Customer
 *   Smart Account (troubleshooting item 2)
 * @SA_LICENSE_VERDICT_NOT_ASSIGNED: the order has no Smart Account at all
 * @SA_LICENSE_VERDICT_IN_ACCOUNT: shipped, assigned to an Active End
 *   Customer Smart Account, no hold: the licenses are there, but the back end
 *   cannot list licenses to confirm it (see them in the Smart Account)
 * @SA_LICENSE_VERDICT_NOT_VISIBLE: shipped, assigned to an Active End
 *   Customer Smart Account, no hold, and yet no license of the order in the
 *   accounts the user can see: a case for Cisco's licensing support
 * @SA_LICENSE_VERDICT_CANNOT_TELL: shipped, no license found, and what would
 *   explain it is not published (Cisco: the assignment before shipment, the
 *   export hold): look at the order page in CCW
 *
 * The answer to "Where are my licenses?", from the troubleshooting section of
 * "How do I assign an order to a Smart Account" (licenses appear once the
 * order has shipped, the Smart Account is Active and no export hold blocks
 * it) and the caution of "Updating Smart Account Assignment in CCW" (a
 * Holding assignment provisions nothing).
 */
typedef enum
{
  SA_LICENSE_VERDICT_ORDER_NOT_FOUND,
  SA_LICENSE_VERDICT_DEPOSITED,
  SA_LICENSE_VERDICT_NOT_SHIPPED,
  SA_LICENSE_VERDICT_ACCOUNT_PENDING,
  SA_LICENSE_VERDICT_EXPORT_HOLD,
  SA_LICENSE_VERDICT_HOLDING_ONLY,
  SA_LICENSE_VERDICT_NOT_ASSIGNED,
  SA_LICENSE_VERDICT_IN_ACCOUNT,
  SA_LICENSE_VERDICT_NOT_VISIBLE,
  SA_LICENSE_VERDICT_CANNOT_TELL,
} SaLicenseVerdict;

/**
 * SaLicenseCheck:
 * @SA_LICENSE_CHECK_ORDER_FOUND: the order exists and is visible
 * @SA_LICENSE_CHECK_SHIPPED: the order has shipped (check 1 of the seed)
 * @SA_LICENSE_CHECK_LICENSES_ARRIVED: licenses carrying the order's number
 *   are in a Smart Account the user can see
 * @SA_LICENSE_CHECK_ACCOUNT_ACTIVE: the End Customer Smart Account is Active,
 *   not Pending (check 2)
 * @SA_LICENSE_CHECK_NO_EXPORT_HOLD: the order is not on export hold (check 3)
 * @SA_LICENSE_CHECK_END_CUSTOMER_ASSIGNED: the order is assigned to an End
 *   Customer Smart Account, not only to a Holding one (item 2)
 * @SA_LICENSE_N_CHECKS: the number of checks
 *
 * The checks, in the order the seeds list them.
 */
typedef enum
{
  SA_LICENSE_CHECK_ORDER_FOUND,
  SA_LICENSE_CHECK_SHIPPED,
  SA_LICENSE_CHECK_LICENSES_ARRIVED,
  SA_LICENSE_CHECK_ACCOUNT_ACTIVE,
  SA_LICENSE_CHECK_NO_EXPORT_HOLD,
  SA_LICENSE_CHECK_END_CUSTOMER_ASSIGNED,
  SA_LICENSE_N_CHECKS,
} SaLicenseCheck;

/**
 * SaLicenseCheckOutcome:
 * @SA_LICENSE_OUTCOME_PASSED: the check holds
 * @SA_LICENSE_OUTCOME_FAILED: the check fails: a cause
 * @SA_LICENSE_OUTCOME_UNKNOWN: the back end publishes nothing to check it
 *   (with Cisco: the assignment before shipment, the export hold)
 * @SA_LICENSE_OUTCOME_SKIPPED: not checked: an earlier check settled it, or
 *   it does not apply (no order)
 *
 * How one check came out.
 */
typedef enum
{
  SA_LICENSE_OUTCOME_PASSED,
  SA_LICENSE_OUTCOME_FAILED,
  SA_LICENSE_OUTCOME_UNKNOWN,
  SA_LICENSE_OUTCOME_SKIPPED,
} SaLicenseCheckOutcome;

/**
 * SaLicenseLink:
 * @SA_LICENSE_LINK_NONE: no link
 * @SA_LICENSE_LINK_CCW_ORDER: the order in Cisco Commerce Workspace (CCW)
 * @SA_LICENSE_LINK_SUPPORT_CASE: Support Case Manager (SCM), a licensing case
 * @SA_LICENSE_LINK_SOFTWARE_CENTRAL: Cisco Software Central, where a Smart
 *   Account's licenses are seen
 *
 * Where the next action takes the user.
 */
typedef enum
{
  SA_LICENSE_LINK_NONE,
  SA_LICENSE_LINK_CCW_ORDER,
  SA_LICENSE_LINK_SUPPORT_CASE,
  SA_LICENSE_LINK_SOFTWARE_CENTRAL,
} SaLicenseLink;

#define SA_TYPE_LICENSE_DIAGNOSIS (sa_license_diagnosis_get_type ())
G_DECLARE_FINAL_TYPE (SaLicenseDiagnosis, sa_license_diagnosis, SA, LICENSE_DIAGNOSIS, GObject)

SaLicenseDiagnosis    *sa_license_diagnosis_new                (const char          *order_number,
                                                                SaOrder             *order,
                                                                GListModel          *licenses,
                                                                GListModel          *accounts);

void                   sa_license_diagnosis_run_async          (SaClient            *client,
                                                                SaOrderSearchField   field,
                                                                const char          *number,
                                                                GCancellable        *cancellable,
                                                                GAsyncReadyCallback  callback,
                                                                gpointer             user_data);
SaLicenseDiagnosis    *sa_license_diagnosis_run_finish         (GAsyncResult        *result,
                                                                GError             **error);

const char            *sa_license_diagnosis_get_order_number   (SaLicenseDiagnosis  *self);
SaOrder               *sa_license_diagnosis_get_order          (SaLicenseDiagnosis  *self);
SaLicenseVerdict       sa_license_diagnosis_get_verdict        (SaLicenseDiagnosis  *self);
SaLicenseCheckOutcome  sa_license_diagnosis_get_outcome        (SaLicenseDiagnosis  *self,
                                                                SaLicenseCheck       check);
GListModel            *sa_license_diagnosis_get_licenses       (SaLicenseDiagnosis  *self);
gboolean               sa_license_diagnosis_get_assignment_known (SaLicenseDiagnosis *self);
const char            *sa_license_diagnosis_get_account_name   (SaLicenseDiagnosis  *self);
const char            *sa_license_diagnosis_get_account_domain (SaLicenseDiagnosis  *self);
const char            *sa_license_diagnosis_get_virtual_account (SaLicenseDiagnosis *self);
gint64                 sa_license_diagnosis_get_quantity       (SaLicenseDiagnosis  *self);
SaLicenseLink          sa_license_diagnosis_get_link           (SaLicenseDiagnosis  *self);

const char            *sa_license_link_get_uri                 (SaLicenseLink        link);

G_END_DECLS
