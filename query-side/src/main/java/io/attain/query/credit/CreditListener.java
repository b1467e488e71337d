package io.attain.query.credit;

import io.attain.query.projection.Batch;

/** What a projection does when credit is given ({@code sign} +1) or taken back ({@code sign} -1). */
public interface CreditListener {

    void revenue(Batch batch, Credit credit, int sign);

    void newCustomer(Batch batch, CustomerCredit credit, int sign);
}
