package com.example.billing;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A push to the billing code's repository, recorded from GitHub's {@code push}. */
@Entity
@Table(name = "billing_push")
public class Push {

    /** GitHub's delivery id. */
    @Id
    @Column(length = 64)
    private String delivery;

    @Column(nullable = false)
    private String repository;

    @Column(nullable = false, name = "git_ref")
    private String ref;

    protected Push() {
    }

    public Push(String delivery, String repository, String ref) {
        this.delivery = delivery;
        this.repository = repository;
        this.ref = ref;
    }

    public String getDelivery() {
        return delivery;
    }

    public String getRepository() {
        return repository;
    }

    public String getRef() {
        return ref;
    }
}
