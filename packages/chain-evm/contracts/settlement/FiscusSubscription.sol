// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 Fiscus contributors. Licensed under the Apache License, Version 2.0.
pragma solidity ^0.8.17;

import {SettlementBase} from "./SettlementBase.sol";
import {IModularComplianceCheck} from "./SettlementInterfaces.sol";

/// @title Subscriptions paid on chain in the fund's stablecoin.
/// @notice An investor approves (or permits) the stablecoin, then `subscribe(amount, minUnits)`:
/// the amount moves to the fund's treasury (its FiscusRedemption) and units are minted to the investor at the NAV feed's
/// latest round (units rounded DOWN), in one transaction. The token's compliance applies: this
/// contract is a token agent, and T-REX's mint refuses an unverified receiver or a module's "no";
/// the same checks run first here so a refusal names its cause. Per-UTC-day caps bound the total
/// subscribed and each investor's share. The engine books each `Subscribed` event once.
contract FiscusSubscription is SettlementBase {
    /// @notice Receives every subscription's stablecoin: the fund's FiscusRedemption, its treasury on this chain.
    address public immutable treasury;
    /// @notice Stablecoin base units per UTC day, all investors together; 0 = no cap.
    uint256 public dailyCap;
    /// @notice Stablecoin base units per UTC day and investor; 0 = no cap.
    uint256 public investorDailyCap;
    mapping(uint256 => uint256) public subscribedOn;
    mapping(uint256 => mapping(address => uint256)) public investorSubscribedOn;

    event SubscriptionCreated(bytes32 indexed fundKey, address indexed token, address indexed treasury);
    event Subscribed(address indexed investor, uint256 stablecoinAmount, uint256 units, uint80 navRound, uint256 nav);
    event CapsSet(uint256 dailyCap, uint256 investorDailyCap);

    error DailyCapExceeded(uint256 requested, uint256 available);
    error InvestorCapExceeded(uint256 requested, uint256 available);

    constructor(
        bytes32 fundKey,
        address token_,
        address stablecoin_,
        address navFeed_,
        address treasury_,
        uint256 maxNavAge_,
        int256 minNav_,
        uint256 dailyCap_,
        uint256 investorDailyCap_
    ) SettlementBase(token_, stablecoin_, navFeed_, maxNavAge_, minNav_) {
        treasury = treasury_;
        dailyCap = dailyCap_;
        investorDailyCap = investorDailyCap_;
        emit SubscriptionCreated(fundKey, token_, treasury_);
    }

    function setCaps(uint256 dailyCap_, uint256 investorDailyCap_) external onlyOwner {
        dailyCap = dailyCap_;
        investorDailyCap = investorDailyCap_;
        emit CapsSet(dailyCap_, investorDailyCap_);
    }

    /// @notice After `approve(this, stablecoinAmount)` on the stablecoin.
    function subscribe(uint256 stablecoinAmount, uint256 minUnits) external returns (uint256) {
        return _subscribe(msg.sender, stablecoinAmount, minUnits);
    }

    /// @notice One transaction for an investor holding only the stablecoin: EIP-2612 permit, then subscribe.
    /// A permit already used (front-run from the mempool) is not fatal when the allowance is there.
    function subscribeWithPermit(uint256 stablecoinAmount, uint256 minUnits, uint256 deadline, uint8 v, bytes32 r, bytes32 s)
        external
        returns (uint256)
    {
        try stablecoin.permit(msg.sender, address(this), stablecoinAmount, deadline, v, r, s) {}
        catch (bytes memory reason) {
            if (stablecoin.allowance(msg.sender, address(this)) < stablecoinAmount) {
                assembly {
                    revert(add(reason, 32), mload(reason))
                }
            }
        }
        return _subscribe(msg.sender, stablecoinAmount, minUnits);
    }

    /// @notice What `subscribe(stablecoinAmount, …)` would mint now (reverts like it on a bad NAV).
    function quote(uint256 stablecoinAmount) external view returns (uint256 units, uint80 navRound) {
        (uint80 round, uint256 nav) = currentNav();
        return (unitsFor(stablecoinAmount, nav), round);
    }

    function _subscribe(address investor, uint256 amount, uint256 minUnits) private whenOpen returns (uint256 units) {
        if (amount == 0) revert ZeroAmount();
        (uint80 round, uint256 nav) = currentNav();
        units = unitsFor(amount, nav);
        if (units == 0) revert ZeroAmount();
        if (units < minUnits) revert Slippage(units, minUnits);
        _checkInvestor(investor);
        if (!IModularComplianceCheck(token.compliance()).canTransfer(address(0), investor, units)) {
            revert ComplianceRefused(investor, units);
        }
        uint256 day = _today();
        uint256 total = subscribedOn[day] + amount;
        if (dailyCap != 0 && total > dailyCap) revert DailyCapExceeded(amount, dailyCap - subscribedOn[day]);
        uint256 own = investorSubscribedOn[day][investor] + amount;
        if (investorDailyCap != 0 && own > investorDailyCap) {
            revert InvestorCapExceeded(amount, investorDailyCap - investorSubscribedOn[day][investor]);
        }
        subscribedOn[day] = total;
        investorSubscribedOn[day][investor] = own;
        // FiatToken returns true or reverts; a token returning false is refused all the same.
        require(stablecoin.transferFrom(investor, treasury, amount), "stablecoin transfer failed");
        token.mint(investor, units);
        emit Subscribed(investor, amount, units, round, nav);
    }
}
